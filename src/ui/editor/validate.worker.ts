/**
 * The editor's validator: loadScenario off the page's thread, so checking a
 * huge or hostile text as it is typed never freezes the tab (the page also
 * stops this worker if it takes too long). It only validates; the simulation
 * worker loads what is applied.
 */
/// <reference lib="webworker" />
import { loadScenario } from '../../scenario/load';
import type { ValidateReply, ValidateRequest } from './validateClient';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (e: MessageEvent<ValidateRequest>) => {
  const { id, text, file } = e.data;
  const r = loadScenario(text, file);
  ctx.postMessage({ id, errors: r.ok ? [] : r.errors } satisfies ValidateReply);
};
