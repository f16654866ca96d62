/** Test helpers for the scenario layer: inline YAML with indentation stripped, and loaders. */
import { formatError, loadScenario, type Scenario } from '../../src/scenario';

/** Template tag: strips the common indentation and the first newline, so YAML can sit indented in a test. */
export function y(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  text = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n');
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** Loads text that must be valid; fails the test with the formatted errors otherwise. */
export function ok(text: string, file = 's.yaml'): Scenario {
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(`expected a valid scenario, got:\n${r.errors.map(formatError).join('\n')}`);
  return r.scenario;
}

/** Loads text that must be invalid; returns the formatted errors (`file:line:col: path: message`). */
export function errors(text: string, file = 's.yaml'): string[] {
  const r = loadScenario(text, file);
  if (r.ok) throw new Error('expected errors, but the scenario loaded');
  return r.errors.map(formatError);
}

/** A small valid scenario; `extra` is appended at the top level. */
export function minimal(extra = ''): string {
  return y`
    version: 1
    name: Minimal
    duration: 1m
    services:
      api:
        endpoints:
          get: [ { cpu: 5ms } ]
    workload:
      - route: api.get
        rate: 10/s
  ` + extra;
}
