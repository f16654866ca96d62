/** Test helpers: scenarios from YAML text, the way users write them. */
import { loadScenario } from '../../src/scenario/load';
import { formatError } from '../../src/scenario/errors';
import type { Scenario } from '../../src/scenario/types';
import { World } from '../../src/model/world';
import type { RunLimits } from '../../src/engine/limits';

export function scenarioFrom(yaml: string, file = 'test.yaml'): Scenario {
  const r = loadScenario(yaml, file);
  if (!r.ok) throw new Error('invalid test scenario:\n' + r.errors.map(formatError).join('\n'));
  return r.scenario;
}

export function worldFrom(yaml: string, limits?: Partial<RunLimits>): World {
  return new World(scenarioFrom(yaml), { limits });
}

/** Run a scenario to its end and return the report. */
export function runYaml(yaml: string) {
  const w = worldFrom(yaml);
  w.run();
  return w.report();
}
