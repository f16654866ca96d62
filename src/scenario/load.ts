/**
 * loadScenario: text → a frozen Scenario or every error, positioned
 * (`file:line:column: path: message`). Pipeline: size check → parse (YAML/JSON
 * with positions) → normalize (values, names, defaults, not-supported parts)
 * and validate (JSON Schema structure) → positions, dedupe, sort, cap.
 * Never throws and never hangs: input size, nesting and aliases are bounded,
 * and an internal bug becomes an error entry, not a stack trace.
 */
import { formatError, type LoadResult, type ScenarioError } from './errors';
import { deepFreeze } from './freeze';
import { formatPath, isWithin, type Issue } from './issues';
import { LIMITS } from './limits';
import { Collector, normalize } from './normalize';
import { parseText, type ParsedText } from './parse';
import { validateStructure } from './validate';

export { formatError };

function mb(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

function safeMessage(e: unknown): string {
  try {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {
    return 'unknown error';
  }
}

function failed(errors: ScenarioError[]): LoadResult {
  return { ok: false, errors: deepFreeze(errors) };
}

/** Positions, dedupe, sort by line/column (stable), cap. */
function finish(file: string, issues: readonly Issue[], locate: ParsedText['locate']): LoadResult {
  const seen = new Set<string>();
  const errors: ScenarioError[] = [];
  for (const issue of issues) {
    const pos = issue.line !== undefined && issue.column !== undefined
      ? { line: issue.line, column: issue.column }
      : locate(issue.path, issue.at);
    const e: ScenarioError = { file, line: pos.line, column: pos.column, path: formatPath(issue.path), message: issue.message };
    const key = formatError(e);
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(e);
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  if (errors.length > LIMITS.maxErrors) {
    const more = errors.length - LIMITS.maxErrors;
    const next = errors[LIMITS.maxErrors]!;
    errors.length = LIMITS.maxErrors;
    errors.push({ file, line: next.line, column: next.column, path: '', message: `…and ${more} more error${more === 1 ? '' : 's'} (showing the first ${LIMITS.maxErrors}); fix these and load again` });
  }
  return failed(errors);
}

function load(text: string, file: string): LoadResult {
  if (typeof text !== 'string') {
    return failed([{ file, line: 0, column: 0, path: '', message: 'expected the text of a scenario file' }]);
  }
  if (text.length > LIMITS.maxFileChars) {
    return failed([{
      file, line: 1, column: 1, path: '',
      message: `the file is too large (${mb(text.length)}); the limit is ${mb(LIMITS.maxFileChars)} (a scenario is usually a few KB)`,
    }]);
  }
  const parsed = parseText(text);
  if (parsed.issues.length > 0) return finish(file, parsed.issues, parsed.locate);
  if (parsed.data === null || parsed.data === undefined) {
    return failed([{
      file, line: 1, column: 1, path: '',
      message: 'the file is empty; a scenario needs at least version, name, duration, services and workload',
    }]);
  }

  const c = new Collector();
  const scenario = normalize(parsed.data, file, c);
  const structural = validateStructure(parsed.data).filter((i) => !c.unsupported.some((u) => isWithin(i.path, u)));
  const issues = [...structural, ...c.issues];
  if (issues.length > 0) return finish(file, issues, parsed.locate);
  if (!scenario) {
    return failed([{
      file, line: 0, column: 0, path: '',
      message: `internal error: the scenario was refused without a reason (${c.skipped} shape checks deferred to the schema); this is a bug in Microcosm, please report it with the file`,
    }]);
  }
  return { ok: true, scenario: deepFreeze(scenario) };
}

/**
 * Parses YAML or JSON `text`, validates it against scenario-format.md and
 * returns the normalised, deep-frozen Scenario, or every error found (sorted by
 * position). `file` is only used in messages. Never throws.
 */
export function loadScenario(text: string, file: string): LoadResult {
  const name = typeof file === 'string' ? file : '<scenario>';
  try {
    return load(text, name);
  } catch (e) {
    return failed([{
      file: name, line: 0, column: 0, path: '',
      message: `internal error while reading the scenario (a bug in Microcosm, please report it with the file): ${safeMessage(e)}`,
    }]);
  }
}
