/** Number and time formatting shared by the panels. */

/** `m:ss.t` for simulated time (hours when needed). */
export function formatClock(ms: number, decimals = 1): string {
  const neg = ms < 0;
  const totalSec = Math.abs(ms) / 1000;
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  const sec = s.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, '0');
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
  return neg ? `-${body}` : body;
}

/** A duration in the scenario file's own notation: `250ms`, `1.5s`, `2m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${round(ms)}ms`;
  if (ms < 60_000) return `${round(ms / 1000)}s`;
  if (ms < 3_600_000) return `${round(ms / 60_000)}m`;
  return `${round(ms / 3_600_000)}h`;
}

export function formatPerSec(perSec: number): string {
  if (!Number.isFinite(perSec)) return '–';
  if (perSec >= 100) return `${Math.round(perSec)}/s`;
  if (perSec >= 10) return `${round(perSec, 1)}/s`;
  return `${round(perSec, 2)}/s`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function round(v: number, digits = 2): string {
  return String(Number(v.toFixed(digits)));
}
