/**
 * The time scrubber under the canvas: 0 … the scenario's duration, the part
 * the run has reached (where it can go back to), the timeline's actions as
 * marks, and a thumb to drag (or move with the keys) to any time reached. The
 * worker re-simulates to it (store `seek`); a long re-simulation shows how far
 * it got (a line on the track, a percentage in the status). A live action
 * taken there forks the run, and the fork tools compare it with the original or drop it.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import type { TimelineItem } from '../scenario/types';
import type { ForkInfo } from '../worker/protocol';
import type { SeekProgress } from '../store/types';
import { useCompare } from './compare/compareState';
import { formatClock } from './format';
import { describeAction } from './recording';
import { scenarioWithActions } from './scenarioFile';
import './scrubber.css';

export const scrubberDefaults = {
  /** Pointer positions snap to this (ms): 0:10.0 rather than 0:09.987. */
  snapMs: 100,
  /** Arrow keys move this far; with Shift, or Page Up / Down, ten times as far. */
  keyStepMs: 1000,
  /** The status' percentage changes at most this often: a polite live region, not a ticker. */
  statusEveryMs: 500,
} as const;

/** Share of a seek's way done (from where it started to its target), in %, unrounded (the bar's fill). */
function doneShare(p: SeekProgress): number {
  const span = p.targetMs - p.fromMs;
  return span > 0 ? Math.max(0, Math.min(100, ((p.atMs - p.fromMs) / span) * 100)) : 100;
}

/** Whole percent of a seek's way done, 100 only when there (the status' words). */
export function seekPercent(p: SeekProgress): number {
  return Math.floor(doneShare(p));
}

/**
 * `value`, changing at most once per `everyMs` (the newest value is shown when
 * the time is up); a change to or from null shows at once.
 */
function useThrottled(value: number | null, everyMs: number): number | null {
  const [shown, setShown] = useState(value);
  const lastWall = useRef(-Infinity);
  useEffect(() => {
    if (value === shown) return;
    const show = () => { lastWall.current = performance.now(); setShown(value); };
    const wait = value === null || shown === null ? 0 : lastWall.current + everyMs - performance.now();
    if (wait <= 0) { show(); return; }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, shown, everyMs]);
  return shown;
}

const NO_ITEMS: readonly TimelineItem[] = [];

export function Scrubber() {
  const { durationMs, timeMs, reachMs, seeking, progress, hasRun, timeline, recorded, fork } = useApp(useShallow((s) => ({
    durationMs: s.meta?.durationMs ?? 0,
    timeMs: s.snapshot?.timeMs ?? 0,
    reachMs: s.reachMs,
    seeking: s.seeking,
    progress: s.seeking && s.seekProgress && s.seekProgress.id === s.seeking.id ? s.seekProgress : null,
    hasRun: s.meta !== null && s.invalid === null,
    timeline: s.meta?.timeline ?? NO_ITEMS,
    recorded: s.recorded,
    fork: s.fork,
  })));
  const seek = useApp((s) => s.seek);
  const track = useRef<HTMLDivElement>(null);
  const thumb = useRef<HTMLDivElement>(null);
  const [dragMs, setDragMs] = useState<number | null>(null);
  // While dragging, one seek is in flight at a time; the newest position waits for it.
  const wanted = useRef<number | null>(null);
  const flush = () => {
    const ms = wanted.current;
    if (ms === null) return;
    wanted.current = null;
    seek(ms);
  };
  useEffect(() => { if (seeking === null) flush(); }, [seeking]);

  const shownMs = dragMs ?? seeking?.ms ?? timeMs;
  const pct = (ms: number) => `${durationMs > 0 ? Math.min(100, Math.max(0, (ms / durationMs) * 100)).toFixed(3) : 0}%`;
  const usable = hasRun && durationMs > 0;
  const percent = useThrottled(progress ? seekPercent(progress) : null, scrubberDefaults.statusEveryMs);

  const msAt = (clientX: number): number => {
    const r = track.current!.getBoundingClientRect();
    const frac = r.width > 0 ? Math.min(1, Math.max(0, (clientX - r.left) / r.width)) : 0;
    const ms = Math.round((frac * durationMs) / scrubberDefaults.snapMs) * scrubberDefaults.snapMs;
    return Math.min(ms, useApp.getState().reachMs);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!usable || e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    thumb.current?.focus();
    const ms = msAt(e.clientX);
    setDragMs(ms);
    wanted.current = ms;
    if (useApp.getState().seeking === null) flush();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragMs === null) return;
    const ms = msAt(e.clientX);
    if (ms === dragMs) return;
    setDragMs(ms);
    wanted.current = ms;
    if (useApp.getState().seeking === null) flush();
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (dragMs === null) return;
    // The release settles it: this seek replaces any still in flight.
    wanted.current = msAt(e.clientX);
    flush();
    setDragMs(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!usable) return;
    const big = scrubberDefaults.keyStepMs * 10;
    const step = e.shiftKey ? big : scrubberDefaults.keyStepMs;
    let ms: number;
    switch (e.key) {
      case 'ArrowLeft': case 'ArrowDown': ms = shownMs - step; break;
      case 'ArrowRight': case 'ArrowUp': ms = shownMs + step; break;
      case 'PageDown': ms = shownMs - big; break;
      case 'PageUp': ms = shownMs + big; break;
      case 'Home': ms = 0; break;
      case 'End': ms = reachMs; break;
      default: return; // space still plays / pauses
    }
    // The keys belong to the slider, not to the page's shortcuts (→ = step).
    e.preventDefault();
    e.stopPropagation();
    seek(Math.max(0, Math.min(ms, reachMs)));
  };

  const later = fork ? fork.original.filter((it) => it.atMs > fork.atMs) : NO_ITEMS;
  return (
    <div className={`scrubber${dragMs !== null ? ' dragging' : ''}`} data-testid="scrubber">
      <span className="scrub-time mono" aria-hidden="true">{formatClock(shownMs)}</span>
      <div
        ref={track}
        className={`scrub-track${usable ? '' : ' disabled'}`}
        data-testid="scrub-track"
        data-duration-ms={durationMs}
        data-reach-ms={reachMs}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <div className="scrub-rail" />
        <div className="scrub-reach" style={{ width: pct(reachMs) }} title={`reached so far: ${formatClock(reachMs, 0)}`} />
        <div className="scrub-played" style={{ width: pct(shownMs) }} />
        {progress && (
          // The seek's way, from where the re-simulation started to the target, filled as far as it got (the status says it in words).
          <div
            key={progress.id}
            className="scrub-progress"
            data-testid="seek-progress"
            aria-hidden="true"
            style={{ left: pct(progress.fromMs), width: pct(progress.targetMs - progress.fromMs) }}
          >
            <div className="scrub-progress-fill" data-testid="seek-progress-fill" style={{ width: `${doneShare(progress).toFixed(3)}%` }} />
          </div>
        )}
        {timeline.map((it, i) => <Mark key={`f${i}`} item={it} kind="file" left={pct(it.atMs)} />)}
        {recorded.map((it, i) => <Mark key={`r${i}`} item={it} kind="live" left={pct(it.atMs)} />)}
        {later.map((it, i) => <Mark key={`o${i}`} item={it} kind="original" left={pct(it.atMs)} />)}
        {fork && <span className="scrub-mark fork" style={{ left: pct(fork.atMs) }} title={`forked at ${formatClock(fork.atMs)}`} />}
        <div
          ref={thumb}
          className="scrub-thumb"
          role="slider"
          tabIndex={usable ? 0 : -1}
          aria-label="Simulated time (scrub back)"
          aria-valuemin={0}
          aria-valuemax={reachMs}
          aria-valuenow={Math.round(shownMs)}
          aria-valuetext={`${formatClock(shownMs)} of ${formatClock(durationMs, 0)}, reached ${formatClock(reachMs, 0)}`}
          aria-disabled={!usable}
          style={{ left: pct(shownMs) }}
          onKeyDown={onKeyDown}
        />
      </div>
      <span className="scrub-total mono" aria-hidden="true">{formatClock(durationMs, 0)}</span>
      {seeking !== null && (
        <span className="scrub-status" role="status" aria-live="polite" aria-atomic="true" data-percent={percent ?? undefined}>
          re-simulating…{percent !== null && <span className="scrub-percent mono"> {percent} %</span>}
        </span>
      )}
      {fork && <ForkTools fork={fork} />}
    </div>
  );
}

function Mark({ item, kind, left }: { item: TimelineItem; kind: 'file' | 'live' | 'original'; left: string }) {
  const where = kind === 'file' ? 'in the file' : kind === 'live' ? 'recorded' : 'in the original only';
  return <span className={`scrub-mark ${kind}`} style={{ left }} title={`${formatClock(item.atMs)} ${describeAction(item.action)} (${where})`} />;
}

/** "forked at m:ss", Compare with original, Back to original. */
function ForkTools({ fork }: { fork: ForkInfo }) {
  const discardFork = useApp((s) => s.discardFork);
  const label = `fork at ${formatClock(fork.atMs, 0)}`;
  const compare = async () => {
    const { source, recorded } = useApp.getState();
    if (!source) return;
    const [original, forked] = await Promise.all([scenarioWithActions(source, fork.original), scenarioWithActions(source, recorded)]);
    useCompare.getState().open({ label: 'original', file: source.file, text: original }, { label, file: source.file, text: forked });
  };
  return (
    <div className="scrub-fork" role="group" aria-label="Fork">
      <span className="badge fork" data-testid="fork-badge" title="A live action changed this run's past: it now differs from the original after this time">
        forked at {formatClock(fork.atMs, 0)}
      </span>
      <button type="button" className="btn small" onClick={() => void compare()} title="Run the original and this fork side by side, to their end">
        Compare with original
      </button>
      <button type="button" className="btn small ghost" onClick={discardFork} title="Drop the fork: back to the original run at this time">
        Back to original
      </button>
    </div>
  );
}
