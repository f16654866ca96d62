/**
 * The page's side of the validation worker: one request per check, answered
 * by id; the last answer is cached (Apply right after a check costs nothing).
 * A text over the scenario layer's size limit is refused here, without
 * posting it. A worker that does not answer in time is terminated and
 * replaced, and the check reports that instead of hanging.
 */
import type { ScenarioError } from '../../scenario/errors';
import { LIMITS } from '../../scenario/limits';

export interface ValidateRequest {
  readonly id: number;
  readonly text: string;
  readonly file: string;
}

export interface ValidateReply {
  readonly id: number;
  readonly errors: readonly ScenarioError[];
}

/** The part of a Worker used here (a fake in unit tests). */
export interface WorkerLike {
  postMessage(msg: ValidateRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<ValidateReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface ValidatorOptions {
  readonly timeoutMs: number;
  readonly maxChars: number;
}

const DEFAULTS: ValidatorOptions = { timeoutMs: 5000, maxChars: LIMITS.maxFileChars };

function mb(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

export function tooLargeError(file: string, chars: number, maxChars: number): ScenarioError {
  return {
    file, line: 1, column: 1, path: '',
    message: `the text is too large to check (${mb(chars)}); the limit is ${mb(maxChars)} (a scenario is usually a few KB)`,
  };
}

interface Pending {
  readonly key: string;
  readonly promise: Promise<readonly ScenarioError[]>;
  readonly resolve: (errors: readonly ScenarioError[]) => void;
  readonly file: string;
}

export class Validator {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private last: { key: string; errors: readonly ScenarioError[] } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly opts: ValidatorOptions;

  constructor(private readonly makeWorker: () => WorkerLike, opts: Partial<ValidatorOptions> = {}) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /** Errors of `text` as a scenario file named `file` ([] = valid). Never rejects. */
  validate(text: string, file: string): Promise<readonly ScenarioError[]> {
    if (text.length > this.opts.maxChars) return Promise.resolve([tooLargeError(file, text.length, this.opts.maxChars)]);
    const key = `${file}\u0000${text}`;
    if (this.last?.key === key) return Promise.resolve(this.last.errors);
    for (const p of this.pending.values()) if (p.key === key) return p.promise;
    const id = this.nextId++;
    let resolve!: (errors: readonly ScenarioError[]) => void;
    const promise = new Promise<readonly ScenarioError[]>((r) => { resolve = r; });
    this.pending.set(id, { key, promise, resolve, file });
    try {
      this.ensureWorker().postMessage({ id, text, file });
    } catch (e) {
      this.failAll(`the checker could not start (${e instanceof Error ? e.message : String(e)}); your text is kept`);
      return promise;
    }
    this.arm();
    return promise;
  }

  dispose(): void {
    this.disarm();
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.resolve([]);
    this.pending.clear();
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.makeWorker();
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.failAll(`the checker stopped unexpectedly (${e.message || 'no reason given'}); edit the text to check it again`);
    };
    this.worker = w;
    return w;
  }

  private receive(reply: ValidateReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    this.last = { key: p.key, errors: reply.errors };
    p.resolve(reply.errors);
    // Progress: the next request gets a full time budget.
    this.disarm();
    if (this.pending.size > 0) this.arm();
  }

  /** The watchdog: the oldest unanswered request has `timeoutMs` to come back. */
  private arm(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.failAll(`checking this text took longer than ${this.opts.timeoutMs / 1000} s and was stopped; your text is kept (look for very long lists or deep nesting)`);
    }, this.opts.timeoutMs);
  }

  private disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stop the worker (a fresh one starts with the next check) and answer every waiting check with `message`. */
  private failAll(message: string): void {
    this.disarm();
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.resolve([{ file: p.file, line: 0, column: 0, path: '', message }]);
    this.pending.clear();
  }
}

/** The real thing: a module worker bundled by Vite. */
export function createValidator(): Validator {
  return new Validator(() => new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module', name: 'microcosm-validate' }) as unknown as WorkerLike);
}
