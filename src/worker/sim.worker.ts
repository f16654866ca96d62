/**
 * Web Worker entry: wires the run loop to postMessage. The model runs here,
 * never on the page's thread, so the tab stays responsive at max speed.
 */
/// <reference lib="webworker" />
import { SimRunner } from './runner';
import { loadScenario, World } from './engine';
import type { FromWorker, ToWorker } from './protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

// A zero-delay yield that is not clamped to 4 ms like nested setTimeout(0):
// queued behind messages already waiting, so a pause is seen within a slice.
const immediate: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  const fn = immediate.shift();
  if (fn) fn();
};

const runner = new SimRunner({
  now: () => performance.now(),
  schedule: (fn, ms) => {
    if (ms <= 0) {
      immediate.push(fn);
      channel.port2.postMessage(0);
    } else setTimeout(fn, ms);
  },
  post: (msg: FromWorker) => ctx.postMessage(msg),
  load: (text, file) => loadScenario(text, file),
  createWorld: (scenario) => new World(scenario, { hops: true, log: true }),
});

ctx.onmessage = (e: MessageEvent<ToWorker>) => runner.handle(e.data);
ctx.postMessage({ type: 'ready' } satisfies FromWorker);
