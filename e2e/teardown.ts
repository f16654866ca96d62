/** Removes this run's build folder (playwright.config.ts picks one per run). */
import { rmSync } from 'node:fs';

export default function teardown(): void {
  if (process.env.PW_PORT) rmSync(`dist-e2e/${process.env.PW_PORT}`, { recursive: true, force: true });
}
