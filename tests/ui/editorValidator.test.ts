/** The editor's validation client: size guard, answers by id, cache, and the watchdog that replaces a stuck worker. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadScenario } from '../../src/scenario';
import { Validator, type ValidateReply, type ValidateRequest, type WorkerLike } from '../../src/ui/editor/validateClient';

class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<ValidateReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly got: ValidateRequest[] = [];
  terminated = false;
  constructor(private readonly auto: boolean) {}
  postMessage(msg: ValidateRequest): void {
    this.got.push(msg);
    if (this.auto) queueMicrotask(() => this.answer(msg));
  }
  answer(msg: ValidateRequest): void {
    const r = loadScenario(msg.text, msg.file);
    this.onmessage?.({ data: { id: msg.id, errors: r.ok ? [] : r.errors } } as MessageEvent<ValidateReply>);
  }
  terminate(): void { this.terminated = true; }
}

afterEach(() => vi.useRealTimers());

describe('Validator', () => {
  it('answers with the loader\'s errors, and caches the last text', async () => {
    const workers: FakeWorker[] = [];
    const v = new Validator(() => { const w = new FakeWorker(true); workers.push(w); return w; });
    const errors = await v.validate('version: 1\nname: x\n', 'x.yaml');
    expect(errors.map((e) => e.path)).toEqual(['duration', 'services', 'workload']);
    await v.validate('version: 1\nname: x\n', 'x.yaml');
    expect(workers[0]!.got).toHaveLength(1);
  });

  it('refuses a text over the size limit without posting it', async () => {
    const w = new FakeWorker(true);
    const v = new Validator(() => w, { maxChars: 100 });
    const errors = await v.validate('x'.repeat(101), 'big.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/too large/);
    expect(w.got).toHaveLength(0);
  });

  it('a worker that never answers is terminated after the timeout; the next check gets a fresh one', async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const v = new Validator(() => { const w = new FakeWorker(false); workers.push(w); return w; }, { timeoutMs: 1000 });
    const p = v.validate('name: hostile', 'h.yaml');
    vi.advanceTimersByTime(999);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(2);
    const errors = await p;
    expect(workers[0]!.terminated).toBe(true);
    expect(errors[0]!.message).toMatch(/took longer than 1 s/);
    void v.validate('name: next', 'h.yaml');
    expect(workers).toHaveLength(2);
    expect(workers[1]!.got[0]!.text).toBe('name: next');
  });

  it('a crashed worker answers every waiting check with an error instead of hanging', async () => {
    const w = new FakeWorker(false);
    const v = new Validator(() => w);
    const a = v.validate('a: 1', 'f.yaml');
    const b = v.validate('b: 1', 'f.yaml');
    w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect((await a)[0]!.message).toMatch(/stopped unexpectedly \(boom\)/);
    expect((await b)).toHaveLength(1);
  });
});
