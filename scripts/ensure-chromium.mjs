// Browser tests drive Debian's chromium (Playwright's own download does not work here).
// When it is missing: install it with apt as root, or stop at once with the command that would.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const cmd = 'apt-get update && apt-get install -y chromium';
  if (!isRoot) {
    console.error(`Chromium is missing at ${path}. Install it with:\n  sudo sh -c '${cmd}'`);
    process.exit(1);
  }
  console.log(`Chromium is missing at ${path}; installing Debian's chromium (${cmd})…`);
  try {
    execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    console.error(`Installing chromium failed. Run as root:\n  ${cmd}`);
    process.exit(1);
  }
  if (!existsSync(path)) {
    console.error(`chromium still not found at ${path} after install.`);
    process.exit(1);
  }
}
