// Visual regression without a hosted service: a screenshot is compared with a committed PNG
// baseline by pixelmatch. A failure writes `<name>.actual.png` and `<name>.diff.png` next to
// the baseline (git-ignored) and says how many pixels changed; IOC_VISUAL_UPDATE=1 (what
// `npm run test:visual:update` sets) writes the baseline instead.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const BASELINES = fileURLToPath(new URL('./baselines/', import.meta.url));

/**
 * Per-pixel colour distance pixelmatch tolerates (0..1). Its default, 0.1, lets a token move by
 * 16 levels per channel unseen; 0.05 catches that and still passes identical renders (which the
 * same browser gives: 0 changed pixels). Antialiased pixels are not ignored.
 */
const PIXEL_THRESHOLD = 0.05;
/** Changed pixels allowed per screenshot: none. The same checkout renders the same pixels. */
const MAX_CHANGED = 0;

export const updating = () => process.env.IOC_VISUAL_UPDATE === '1';

const BROWSER_FILE = path.join(BASELINES, 'BROWSER');

/**
 * Baselines hold for the browser that took them: another Chromium build may place text a
 * subpixel apart. Returns undefined when `version` took the baselines (or they are being taken,
 * which records it), else why the comparison is skipped (the test says so and passes: run
 * `npm run test:visual:update` on the new browser and commit).
 */
export function baselineBrowser(version) {
  if (updating()) {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(BROWSER_FILE, `${version}\n`);
    return undefined;
  }
  const recorded = existsSync(BROWSER_FILE) ? readFileSync(BROWSER_FILE, 'utf8').trim() : '';
  return recorded === version ? undefined : `visual baselines were taken with Chromium ${recorded || '(unknown)'}, this is ${version}: pixels not compared (npm run test:visual:update takes them anew)`;
}

/** A baseline's file name for a story and the globals it was taken with. */
export function baselineName(storyId, variant = '') {
  return `${storyId}${variant ? `--${variant}` : ''}`.replace(/[^a-z0-9-]+/gi, '-');
}

/**
 * Compares `png` (a Buffer) with the baseline `name`; returns undefined when it matches (or was
 * written), else a sentence saying what differs.
 */
export function compareWithBaseline(name, png) {
  const file = path.join(BASELINES, `${name}.png`);
  const actualFile = path.join(BASELINES, `${name}.actual.png`);
  const diffFile = path.join(BASELINES, `${name}.diff.png`);
  rmSync(actualFile, { force: true });
  rmSync(diffFile, { force: true });
  if (updating()) {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, png);
    return undefined;
  }
  if (!existsSync(file)) {
    writeFileSync(actualFile, png);
    return `no baseline ${path.relative(process.cwd(), file)} (run npm run test:visual:update to take it)`;
  }
  const expected = PNG.sync.read(readFileSync(file));
  const actual = PNG.sync.read(png);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(actualFile, png);
    return `size ${actual.width}×${actual.height}, baseline ${expected.width}×${expected.height}; see ${path.relative(process.cwd(), actualFile)}`;
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD, includeAA: true });
  if (changed <= MAX_CHANGED) return undefined;
  writeFileSync(actualFile, png);
  writeFileSync(diffFile, PNG.sync.write(diff));
  return `${changed} pixels changed; see ${path.relative(process.cwd(), diffFile)}`;
}
