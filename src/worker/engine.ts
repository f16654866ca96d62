/** The model the worker runs: the same modules the CLI runs. */
export { loadScenario } from '../scenario/load';
export { World } from '../model/world';
