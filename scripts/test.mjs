// `npm test`: typecheck, unit tests, build, browser end-to-end — in that order, stopping at the
// first failure. Chromium is looked for first, so a machine without one fails in seconds with
// the command that installs it instead of after the build.
import { spawnSync } from 'node:child_process';
import { findChromium } from '../tests/e2e/browser.mjs';

try {
  findChromium();
} catch (err) {
  console.error(`npm test: ${err.message}`);
  process.exit(1);
}

const steps = [
  ['typecheck (astro check)', ['node_modules/astro/bin/astro.mjs', 'check']],
  ['typecheck (tsc)', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint (eslint)', ['node_modules/eslint/bin/eslint.js', '.']],
  // An unformatted file fails the run: `npm run format` rewrites it.
  ['format (prettier --check)', ['node_modules/prettier/bin/prettier.cjs', '--check', '.']],
  ['unit tests (vitest)', ['node_modules/vitest/vitest.mjs', 'run']],
  ['build (astro build)', ['node_modules/astro/bin/astro.mjs', 'build']],
  // The engine's second kernel thread in a cross-origin-isolated page, bit for bit (and off without isolation).
  ['kernel threads (chromium)', ['tests/browser/kernel-threads.mjs']],
  ['end-to-end (chromium)', ['tests/e2e/run.mjs']],
];

for (const [name, args, { advisory = false } = {}] of steps) {
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (r.status !== 0 && advisory) console.log(`=== ${name}: reported only (advisory), not failing the run`);
  else if (r.status !== 0) process.exit(r.status ?? 1);
}
