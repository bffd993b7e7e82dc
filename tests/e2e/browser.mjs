// Finds Debian's Chromium (or CHROME_PATH) and launches it headless with playwright-core.
// Never downloads a browser: when none is installed the tests fail with the command that installs one.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function findChromium() {
  const found = CANDIDATES.find((p) => p && existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install Debian's: `apt-get update && apt-get install -y chromium` " +
        '(or set CHROME_PATH to a Chromium/Chrome binary). The tests never download a browser.',
    );
  }
  return found;
}

export async function launchChromium() {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
