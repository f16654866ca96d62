/** The page's side of the worker: starts it and hands its messages to a callback. */
import type { FromWorker, ToWorker } from './protocol';

export interface SimWorker {
  postMessage(msg: ToWorker): void;
  terminate(): void;
}

export function startSimWorker(onMessage: (msg: FromWorker) => void, onFailure: (message: string) => void): SimWorker {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'microcosm-sim' });
  listen(worker, 'simulation', onMessage, onFailure);
  return {
    postMessage: (msg) => worker.postMessage(msg),
    terminate: () => worker.terminate(),
  };
}

/**
 * Hands a worker's messages to `onMessage`, and its start-up or decoding
 * failures to `onFailure` as one sentence naming it (`what`). (Each worker is
 * constructed where it is named: Vite bundles `new Worker(new URL(…))` only as a literal.)
 */
export function listen<M>(worker: Worker, what: string, onMessage: (msg: M) => void, onFailure: (message: string) => void): void {
  worker.onmessage = (e: MessageEvent<M>) => onMessage(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    onFailure(`the ${what} worker failed: ${e.message || 'could not start'}`);
  };
  worker.onmessageerror = () => onFailure(`a message from the ${what} worker could not be read`);
}
