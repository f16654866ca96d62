/**
 * Turns wall time × speed into a simulated-time target per frame (SimPy rt.py,
 * MainLoop.js): an accumulator of owed simulated time, a catch-up cap so a
 * stalled tab does not make the run leap, and a "behind real time" flag.
 * Pure: the caller passes wall-clock readings; no timers here.
 */
import type { Speed } from './protocol';

export const pacerDefaults = {
  /** Longest wall gap counted for one frame (a background tab, a GC pause). */
  maxFrameGapMs: 250,
  /** The owed simulated time never exceeds this much wall time × speed. */
  maxLagWallMs: 500,
  /** Behind when the run trails its target by more than this much wall time × speed. */
  behindWallMs: 150,
} as const;

export class Pacer {
  private owedMs = 0;
  private lastWall: number | null = null;
  behind = false;

  constructor(public speed: Speed = 1) {}

  /** Start counting from `simNowMs` at the next frame (on play, load, speed change). */
  reset(simNowMs: number): void {
    this.owedMs = simNowMs;
    this.lastWall = null;
    this.behind = false;
  }

  /**
   * The whole-millisecond simulated time this frame should reach.
   * `max` has no target: the caller runs until its wall-time slice is used up.
   */
  frameTarget(wallNowMs: number, simNowMs: number): number {
    if (this.speed === 'max') {
      this.lastWall = wallNowMs;
      this.owedMs = simNowMs;
      return Infinity;
    }
    const gap = this.lastWall === null ? 0 : Math.min(Math.max(0, wallNowMs - this.lastWall), pacerDefaults.maxFrameGapMs);
    this.lastWall = wallNowMs;
    this.owedMs = Math.max(this.owedMs, simNowMs) + gap * this.speed;
    // Integer targets: a live action must land on a whole millisecond to replay exactly.
    return Math.floor(this.owedMs);
  }

  /** After the frame ran: `reachedMs` is the simulated time actually reached. */
  frameEnd(reachedMs: number): void {
    if (this.speed === 'max') { this.behind = false; return; }
    const lag = this.owedMs - reachedMs;
    this.behind = lag > pacerDefaults.behindWallMs * this.speed;
    const cap = pacerDefaults.maxLagWallMs * this.speed;
    if (lag > cap) this.owedMs = reachedMs + cap;
  }
}
