/**
 * The event heap: owns `now`, the pending events and the loop, nothing else.
 * Ordered by (time, seq); ties fire in insertion order. Priority events
 * (timeline actions, user commands) take a negative seq so that they fire
 * before model events at the same time, in their own insertion order.
 *
 * Built for speed: a binary heap over parallel typed arrays (time, seq,
 * payload slot), payloads in a free-listed slot pool. An event is
 * (kind: small int, arg: anything); the caller dispatches on kind.
 */

const PRIORITY_OFFSET = -(2 ** 52);

export class Scheduler {
  /** Current simulated time, ms. */
  now = 0;
  /** Events fired so far. */
  fired = 0;

  private times: Float64Array;
  private seqs: Float64Array;
  private slots: Int32Array;
  private size = 0;
  private nextSeq = 0;
  private nextPrioritySeq = 0;

  // Payload pool: kind and arg per slot.
  private kinds: Int32Array;
  private args: unknown[];
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotHigh = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.slots = new Int32Array(cap);
    this.kinds = new Int32Array(cap);
    this.args = new Array(cap);
    this.freeSlots = new Int32Array(cap);
  }

  get pending(): number {
    return this.size;
  }

  /** Schedule `kind(arg)` at absolute time `at` (≥ now). */
  schedule(at: number, kind: number, arg: unknown): void {
    this.push(at, this.nextSeq++, kind, arg);
  }

  /** Schedule ahead of every model event at the same time (timeline, user commands). */
  schedulePriority(at: number, kind: number, arg: unknown): void {
    this.push(at, PRIORITY_OFFSET + this.nextPrioritySeq++, kind, arg);
  }

  /** Time of the next event, or Infinity. */
  peekTime(): number {
    return this.size > 0 ? this.times[0] : Infinity;
  }

  /**
   * Pop the next event: sets `now`, returns its kind; its arg is in `poppedArg`.
   * Call only when pending > 0.
   */
  poppedArg: unknown = undefined;
  pop(): number {
    const times = this.times, seqs = this.seqs, slots = this.slots;
    const t = times[0];
    const slot = slots[0];
    const n = --this.size;
    if (n > 0) {
      // Sift the last element down from the root.
      const lt = times[n], ls = seqs[n], lslot = slots[n];
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        let ct = times[c], cs = seqs[c];
        const r = c + 1;
        if (r < n) {
          const rt = times[r];
          if (rt < ct || (rt === ct && seqs[r] < cs)) { c = r; ct = rt; cs = seqs[r]; }
        }
        if (ct < lt || (ct === lt && cs < ls)) {
          times[i] = ct; seqs[i] = cs; slots[i] = slots[c];
          i = c;
        } else break;
      }
      times[i] = lt; seqs[i] = ls; slots[i] = lslot;
    }
    this.now = t;
    this.fired++;
    const kind = this.kinds[slot];
    this.poppedArg = this.args[slot];
    this.args[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
    return kind;
  }

  private push(at: number, seq: number, kind: number, arg: unknown): void {
    if (this.size === this.times.length) this.grow();
    let slot: number;
    if (this.freeCount > 0) slot = this.freeSlots[--this.freeCount];
    else slot = this.slotHigh++;
    this.kinds[slot] = kind;
    this.args[slot] = arg;

    const times = this.times, seqs = this.seqs, slots = this.slots;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (at < pt || (at === pt && seq < seqs[p])) {
        times[i] = pt; seqs[i] = seqs[p]; slots[i] = slots[p];
        i = p;
      } else break;
    }
    times[i] = at; seqs[i] = seq; slots[i] = slot;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap); t.set(this.times); this.times = t;
    const s = new Float64Array(cap); s.set(this.seqs); this.seqs = s;
    const sl = new Int32Array(cap); sl.set(this.slots); this.slots = sl;
    const k = new Int32Array(cap); k.set(this.kinds); this.kinds = k;
    const f = new Int32Array(cap); f.set(this.freeSlots); this.freeSlots = f;
    this.args.length = cap;
  }
}
