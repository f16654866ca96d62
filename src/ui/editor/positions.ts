/**
 * Scenario errors carry 1-based line:column (UTF-16 columns, like the YAML
 * parser and CodeMirror); the editor needs document offsets and the extent of
 * the token to underline. Pure: works on anything shaped like CodeMirror's
 * `Text` (tests pass `Text.of(lines)`).
 */

export interface LineInfo {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

export interface Lines {
  readonly lines: number;
  readonly length: number;
  line(n: number): LineInfo;
}

export interface Range {
  readonly from: number;
  readonly to: number;
}

/**
 * The document offset of `line:column`, clamped into the document: line 0 (an
 * unknown position) is the start, a line past the end is the last line, a
 * column past the line's end is the line's end.
 */
export function offsetOf(doc: Lines, line: number, column: number): number {
  if (!(line >= 1)) return 0;
  const l = doc.line(Math.min(Math.floor(line), doc.lines));
  const col = column >= 1 ? Math.floor(column) - 1 : 0;
  return Math.min(l.from + col, l.to);
}

/**
 * Where the YAML token starting at `column` of `text` ends (an index into
 * `text`): a quoted scalar to its closing quote; a key up to its colon; a
 * plain value up to a comment, or at depth 0 (outside parentheses) to the
 * end of its flow item (`,` `]` `}`). Trailing spaces are not part of it.
 */
export function tokenEnd(text: string, start: number): number {
  const n = text.length;
  if (start >= n) return n;
  const q = text[start];
  if (q === '"' || q === "'") {
    for (let i = start + 1; i < n; i++) {
      if (q === '"' && text[i] === '\\') { i++; continue; }
      if (text[i] === q) {
        if (q === "'" && text[i + 1] === "'") { i++; continue; }
        return i + 1;
      }
    }
    return trimEnd(text, start, n);
  }
  let depth = 0;
  let i = start;
  for (; i < n; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '#' && i > start && /\s/.test(text[i - 1]!)) break;
    else if (c === ':' && depth === 0 && i > start && (i + 1 === n || /\s/.test(text[i + 1]!))) break;
    else if (depth === 0 && (c === ',' || c === ']' || c === '}') && i > start) break;
  }
  return trimEnd(text, start, i);
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/**
 * The range to underline for an error at `line:column`: the token there; at
 * or past the end of a line (or for an unknown position), the line's content
 * without its indentation; an empty range only on an empty line.
 */
export function errorRange(doc: Lines, line: number, column: number): Range {
  const lineNo = line >= 1 ? Math.min(Math.floor(line), doc.lines) : 1;
  const l = doc.line(lineNo);
  const indent = l.text.length - l.text.trimStart().length;
  const wholeLine = (): Range => {
    const content = l.text.trimEnd();
    return content.length > indent ? { from: l.from + indent, to: l.from + content.length } : { from: l.from, to: l.from };
  };
  if (!(line >= 1) || !(column >= 1)) return wholeLine();
  const start = Math.floor(column) - 1;
  if (start >= l.text.trimEnd().length) return wholeLine();
  // Inside the indentation (a structural error about the line): from its first character.
  const s = Math.max(start, /^\s*$/.test(l.text.slice(0, start + 1)) ? indent : start);
  const end = tokenEnd(l.text, s);
  return end > s ? { from: l.from + s, to: l.from + end } : { from: l.from + s, to: l.from + s + 1 };
}
