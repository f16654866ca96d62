/**
 * "Did you mean" for misspelt keys, names and values: optimal-string-alignment
 * (Damerau) distance, case-insensitive, plus prefixes. Pure and bounded: a
 * candidate whose length differs by more than the threshold is skipped without
 * computing anything, so a 2 MB key costs nothing.
 */

/** Optimal string alignment distance (insert, delete, substitute, swap neighbours). */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2: number[] = new Array<number>(m + 1).fill(0);
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/**
 * The closest candidate, or undefined. Close means distance ≤ 2 (≤ 1 for
 * words of up to 3 letters, so "at" does not suggest "to"), or one is a prefix
 * of the other (at least 3 letters). Ties go to the earlier candidate.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const a = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const b = candidate.toLowerCase();
    const limit = Math.min(a.length, b.length) <= 3 ? 1 : 2;
    let score = Infinity;
    if (Math.abs(a.length - b.length) <= limit) {
      const d = editDistance(a, b);
      if (d <= limit) score = d;
    }
    if (score === Infinity && a.length >= 3 && b.length >= 3 && (b.startsWith(a) || a.startsWith(b))) score = 3;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** `did you mean "x"? ` or '' (note the trailing space when present). */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const s = suggest(input, candidates);
  return s === undefined ? '' : `did you mean "${s}"? `;
}

/** `a, b, c` (capped, so a list of 200 services stays readable). */
export function listOf(items: readonly string[], max = 24): string {
  if (items.length === 0) return '(none)';
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')}, … (${items.length - max} more)`;
}
