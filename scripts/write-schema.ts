/**
 * Writes public/scenario.schema.json from src/scenario/schema.ts (`npm run schema`).
 * Editors use it for completion and hints; tests/scenario/schema.test.ts checks
 * the committed file is up to date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioSchema } from '../src/scenario/schema';

const out = fileURLToPath(new URL('../public/scenario.schema.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(scenarioSchema, null, 2)}\n`);
console.log(`wrote ${out}`);
