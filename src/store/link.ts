/**
 * The store's line to the simulation worker: commands go out through a port
 * set at start-up (a Worker in the page, a fake in unit tests).
 */
import type { ToWorker } from '../worker/protocol';

export interface WorkerPort {
  postMessage(msg: ToWorker): void;
}

let port: WorkerPort | null = null;
const queued: ToWorker[] = [];

export function setPort(p: WorkerPort | null): void {
  port = p;
  if (p) for (const msg of queued.splice(0)) p.postMessage(msg);
}

/** Send a command; queued until a port is attached. */
export function send(msg: ToWorker): void {
  if (port) port.postMessage(msg);
  else queued.push(msg);
}
