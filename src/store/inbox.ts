/**
 * The page's inbox for worker messages. Snapshots come up to ~15 times a
 * second, and each one applied is a store update and a React commit; a
 * software-rendered page may draw only a few frames a second. So snapshots
 * that arrive between two display frames are folded into one and applied
 * once, at the next frame: the newest state, with the deltas (request dots,
 * log lines, series points) of all of them. The expectations' verdicts
 * (about once a second) wait for the same moment, the newest kept, so the
 * page makes one update of it, not two. Every other message first applies
 * what is waiting, so the order the worker sent is kept.
 */
import type { WorldSnapshot } from '../model/snapshot';
import type { FromWorker } from '../worker/protocol';

type SnapshotMessage = Extract<FromWorker, { type: 'snapshot' }>;
type ExpectationsMessage = Extract<FromWorker, { type: 'expectations' }>;

/**
 * How each snapshot field folds when several are applied as one: `newest`
 * is state (the last one wins), `append` a list of what happened since the
 * previous snapshot, `appendPerKey` such lists per route/service/edge.
 * Typed over every key, so a new snapshot field must say which it is.
 */
export const SNAPSHOT_FOLD: { readonly [K in keyof WorldSnapshot]-?: 'newest' | 'append' | 'appendPerKey' } = {
  timeMs: 'newest',
  events: 'newest',
  intervalMs: 'newest',
  services: 'newest',
  edges: 'newest',
  faults: 'newest',
  load: 'newest',
  stopped: 'newest',
  hops: 'append',
  log: 'append',
  series: 'appendPerKey',
  serviceSeries: 'appendPerKey',
  edgeSeries: 'appendPerKey',
};

export const inboxDefaults = {
  /** At least this long between two folded snapshots reaching the store (10 a second: numbers still read as live). */
  minGapMs: 100,
  /** When no frame comes (a background tab), apply anyway after this long. */
  fallbackMs: 250,
  /** Request dots kept when many snapshots fold (the newest; the canvas could not show more anyway). */
  maxHops: 2000,
} as const;

export interface InboxHost {
  now(): number;
  /** Run `fn` at the next display frame (requestAnimationFrame), or never in a hidden tab. */
  frame(fn: () => void): void;
  timer(fn: () => void, ms: number): void;
}

/** Fold `next` into `prev` (both snapshots of one run, `next` the later). */
export function foldSnapshots(prev: WorldSnapshot, next: WorldSnapshot): WorldSnapshot {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SNAPSHOT_FOLD) as (keyof WorldSnapshot)[]) {
    const how = SNAPSHOT_FOLD[key];
    if (how === 'newest') out[key] = next[key];
    else if (how === 'append') out[key] = ((prev[key] ?? []) as readonly unknown[]).concat((next[key] ?? []) as readonly unknown[]);
    else {
      const a = (prev[key] ?? {}) as Readonly<Record<string, readonly unknown[]>>, b = (next[key] ?? {}) as Readonly<Record<string, readonly unknown[]>>;
      const merged: Record<string, readonly unknown[]> = { ...a };
      for (const k of Object.keys(b)) merged[k] = a[k] ? a[k].concat(b[k]) : b[k];
      out[key] = merged;
    }
  }
  const folded = out as unknown as WorldSnapshot;
  return folded.hops.length > inboxDefaults.maxHops ? { ...folded, hops: folded.hops.slice(folded.hops.length - inboxDefaults.maxHops) } : folded;
}

export function createInbox(apply: (msg: FromWorker) => void, host: InboxHost): (msg: FromWorker) => void {
  let pending: SnapshotMessage | null = null;
  let verdicts: ExpectationsMessage | null = null;
  let armed = false;
  let lastFlush = -Infinity;
  /** Bumped on every flush, so a stale frame or timer callback does nothing. */
  let generation = 0;

  const flush = (): void => {
    armed = false;
    generation++;
    const msg = pending, v = verdicts;
    pending = null;
    verdicts = null;
    if (msg) {
      lastFlush = host.now();
      apply(msg);
    }
    // In the same task: the store's two updates make one render.
    if (v) apply(v);
  };

  const arm = (): void => {
    if (armed) return;
    armed = true;
    const gen = generation;
    const onFrame = () => { if (gen === generation && armed) flush(); };
    const wait = Math.max(0, lastFlush + inboxDefaults.minGapMs - host.now());
    if (wait > 0) host.timer(() => { if (gen === generation) host.frame(onFrame); }, wait);
    else host.frame(onFrame);
    host.timer(onFrame, wait + inboxDefaults.fallbackMs);
  };

  return (msg) => {
    if (msg.type === 'snapshot') {
      pending = pending ? { type: 'snapshot', snapshot: foldSnapshots(pending.snapshot, msg.snapshot), status: msg.status } : msg;
      arm();
      return;
    }
    if (msg.type === 'expectations') {
      verdicts = msg;
      arm();
      return;
    }
    if (msg.type === 'loaded') {
      // A new run: what was waiting belongs to the old one.
      pending = null;
      verdicts = null;
      armed = false;
      generation++;
    } else if (pending || verdicts) flush();
    apply(msg);
  };
}

/**
 * The browser's host: animation frames and timers. The store update (and the
 * React commit it causes) runs in its own task just after a frame, not inside
 * it: the canvas' frame and the panels' update are two short tasks, not one long one.
 */
export const browserInboxHost: InboxHost = {
  now: () => performance.now(),
  frame: (fn) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => { setTimeout(fn, 0); });
    else setTimeout(fn, 16);
  },
  timer: (fn, ms) => { setTimeout(fn, ms); },
};
