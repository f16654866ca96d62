/**
 * The canvas' state glyphs as small SVGs for the DOM panels and the legend,
 * so the inspector, the faults panel and the canvas speak one visual language:
 * instances (filled = ready, lower half = starting, upper half = draining,
 * cross = dead) and breakers
 * (disc = closed, half disc = half-open, ring = open). Colours: the theme's
 * state variables (theme.css), the canvas palette's twins.
 */
import type { InstanceState } from '../model/snapshot';

export type BreakerState = 'closed' | 'halfOpen' | 'open';

export const BREAKER_WORDS: Record<BreakerState, string> = { closed: 'closed', halfOpen: 'half-open', open: 'open' };
const BREAKER_COLOURS: Record<BreakerState, string> = { closed: 'var(--state-ready)', halfOpen: 'var(--state-starting)', open: 'var(--state-dead)' };

export function BreakerGlyph({ state }: { state: BreakerState }) {
  const c = BREAKER_COLOURS[state];
  return (
    <svg className="glyph" viewBox="0 0 12 12" aria-hidden="true">
      {state === 'closed' && <circle cx="6" cy="6" r="4.5" fill={c} />}
      {state !== 'closed' && <circle cx="6" cy="6" r="3.9" fill="none" stroke={c} strokeWidth="1.5" />}
      {state === 'halfOpen' && <path d="M6 2.1 A3.9 3.9 0 0 0 6 9.9 Z" fill={c} />}
    </svg>
  );
}

export function InstanceGlyph({ state }: { state: InstanceState }) {
  return (
    <svg className="glyph" viewBox="0 0 14 14" aria-hidden="true">
      {state === 'ready' && <rect x="0.5" y="0.5" width="13" height="13" rx="3" fill="var(--state-ready)" />}
      {state === 'starting' && (
        <>
          <rect x="1.25" y="1.25" width="11.5" height="11.5" rx="3" fill="none" stroke="var(--state-starting)" strokeWidth="1.5" />
          <rect x="3.5" y="7" width="7" height="3.5" fill="var(--state-starting)" />
        </>
      )}
      {state === 'draining' && (
        <>
          <rect x="1.25" y="1.25" width="11.5" height="11.5" rx="3" fill="none" stroke="var(--state-draining)" strokeWidth="1.5" />
          <rect x="3.5" y="3.5" width="7" height="3.5" fill="var(--state-draining)" />
        </>
      )}
      {state === 'dead' && <path d="M2.5 2.5l9 9M11.5 2.5l-9 9" stroke="var(--state-dead)" strokeWidth="2.5" strokeLinecap="round" />}
    </svg>
  );
}

export function FaultTagSwatch() {
  return (
    <svg className="glyph wide" viewBox="0 0 22 12" aria-hidden="true">
      <rect x="0" y="0" width="22" height="12" rx="6" fill="var(--fault)" />
      <path d="M8 1.5 L4.5 6.5 H7.5 L6.5 10.5 L10.5 5 H7.5 L8 1.5 Z" fill="var(--fault-text)" />
    </svg>
  );
}
