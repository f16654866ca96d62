/** The page's side of the compare worker: one worker per comparison; cancel ends it. */
import type { FromCompare, ToCompare } from './compareProtocol';

export interface CompareWorker {
  run(msg: ToCompare): void;
  /** Stops the runs at once (the worker is ended). */
  cancel(): void;
}

export function startCompareWorker(onMessage: (msg: FromCompare) => void, onFailure: (message: string) => void): CompareWorker {
  const worker = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: 'microcosm-compare' });
  worker.onmessage = (e: MessageEvent<FromCompare>) => onMessage(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    onFailure(`the compare worker failed: ${e.message || 'could not start'}`);
  };
  worker.onmessageerror = () => onFailure('a message from the compare worker could not be read');
  return {
    run: (msg) => worker.postMessage(msg),
    cancel: () => worker.terminate(),
  };
}
