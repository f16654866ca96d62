/**
 * Web Worker entry of the compare view: runs both sides of a comparison to
 * their end (compareRun.ts), off the page's thread. Cancel = the page ends
 * this worker; a new comparison starts a new one.
 */
/// <reference lib="webworker" />
import { loadScenario, World } from './engine';
import { checkBudget } from '../model/budget';
import { runComparison } from './compareRun';
import type { FromCompare, ToCompare } from './compareProtocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (e: MessageEvent<ToCompare>) => {
  if (e.data.type !== 'run') return;
  runComparison(e.data, {
    now: () => performance.now(),
    post: (msg: FromCompare) => ctx.postMessage(msg),
    load: (text, file) => loadScenario(text, file),
    budget: checkBudget,
    // The CLI's World: no hops, no log (the digest is the same either way).
    createWorld: (scenario) => new World(scenario),
  });
};
ctx.postMessage({ type: 'ready' } satisfies FromCompare);
