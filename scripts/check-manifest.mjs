// custom-elements.json is generated from the widgets' JSDoc and committed (Storybook's docs and
// IDEs read it). This fails when it no longer matches the sources: run `npm run analyze`.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The analyzer takes --outdir relative to the working directory.
const out = '.cache/cem';
execSync(
  `npx custom-elements-manifest analyze --outdir ${out}`,
  { stdio: 'ignore' },
);
const fresh = readFileSync(path.join(out, 'custom-elements.json'), 'utf8');
const committed = readFileSync('packages/widgets/custom-elements.json', 'utf8');
if (fresh !== committed) {
  console.error('packages/widgets/custom-elements.json is out of date with the widget sources: run `npm run generate` and commit the result.');
  process.exit(1);
}
console.log('custom-elements.json is current');
