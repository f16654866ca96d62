/**
 * What happened, in words, for the page's event log: instances crashing,
 * restarting, ready, draining, stopped; breakers changing state; faults
 * starting and ending; scaling and load changes; and once per series
 * interval, the failures on each call edge (timeouts, errors, refusals) with
 * one of the failed requests' trace ids. Bounded; off unless the page asks.
 */
import type { LogEntry } from './snapshot';

/** Entries handed out per take at most (the oldest of a burst are dropped, and said so). */
const MAX_PER_TAKE = 400;

export class EventLog {
  private pending: LogEntry[] = [];
  private dropped = 0;

  add(e: LogEntry): void {
    if (this.pending.length >= MAX_PER_TAKE) {
      this.pending.shift();
      this.dropped++;
    }
    this.pending.push(e);
  }

  /** Entries since the last take, oldest first. */
  take(nowMs: number): LogEntry[] {
    const out = this.pending;
    this.pending = [];
    if (this.dropped > 0) {
      out.unshift({ t: nowMs, kind: 'note', service: '', severity: 'info', text: `${this.dropped.toLocaleString('en')} earlier entries skipped (too many at once)`, trace: null });
      this.dropped = 0;
    }
    return out;
  }
}
