import { expect, test, vi } from 'vitest';

// A bug deep inside the layer must become an error entry, not an exception.
vi.mock('../../src/scenario/validate', () => ({
  validateStructure: () => {
    throw new RangeError('boom');
  },
}));

test('LIM-2 an internal bug becomes an error entry, not a stack trace', async () => {
  const { loadScenario } = await import('../../src/scenario');
  const r = loadScenario('version: 1\n', 'bug.yaml');
  expect(r).toEqual({
    ok: false,
    errors: [{
      file: 'bug.yaml', line: 0, column: 0, path: '',
      message: 'internal error while reading the scenario (a bug in Microcosm, please report it with the file): RangeError: boom',
    }],
  });
});
