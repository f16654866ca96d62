/** The page's side of the compare worker: one worker per comparison; cancel ends it. */
import type { FromCompare, ToCompare } from './compareProtocol';
import { listen } from './client';

export interface CompareWorker {
  run(msg: ToCompare): void;
  /** Stops the runs at once (the worker is ended). */
  cancel(): void;
}

export function startCompareWorker(onMessage: (msg: FromCompare) => void, onFailure: (message: string) => void): CompareWorker {
  const worker = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: 'microcosm-compare' });
  listen(worker, 'compare', onMessage, onFailure);
  return {
    run: (msg) => worker.postMessage(msg),
    cancel: () => worker.terminate(),
  };
}
