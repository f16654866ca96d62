/** The page's side of the worker: starts it and hands its messages to a callback. */
import type { FromWorker, ToWorker } from './protocol';

export interface SimWorker {
  postMessage(msg: ToWorker): void;
  terminate(): void;
}

export function startSimWorker(onMessage: (msg: FromWorker) => void, onFailure: (message: string) => void): SimWorker {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'microcosm-sim' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    onFailure(`the simulation worker failed: ${e.message || 'could not start'}`);
  };
  worker.onmessageerror = () => onFailure('a message from the simulation worker could not be read');
  return {
    postMessage: (msg) => worker.postMessage(msg),
    terminate: () => worker.terminate(),
  };
}
