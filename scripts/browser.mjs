// Where the tests find Chromium, and the flags this machine needs (no sandbox as root, no network chatter).
import { existsSync } from 'node:fs';

export const CHROME_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return CHROME_CANDIDATES.find((path) => existsSync(path));
}

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--lang=vi-VN',
  // The same pixels on every run (visual baselines): no hinting that depends on the machine, sRGB.
  '--font-render-hinting=none',
  '--force-color-profile=srgb',
];

export function launchOptions() {
  const executablePath = chromePath();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-browser.mjs` or set CHROME_PATH.');
  return { executablePath, headless: true, args: CHROME_ARGS };
}
