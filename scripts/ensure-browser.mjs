// Makes sure a Chromium (and fonts with Vietnamese coverage) is there for the browser tests.
// Installs Debian's packages when it can (root with apt-get); otherwise says how to point at one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromePath } from './browser.mjs';

const fontsMissing = () => !existsSync('/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf');

if (process.env.CHROME_PATH && !existsSync(process.env.CHROME_PATH)) {
  console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there.`);
  process.exit(1);
}

if (!chromePath() || (!process.env.CHROME_PATH && fontsMissing())) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('Installing Debian chromium and fonts-noto-core for the browser tests...');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null', {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
  } else if (!chromePath()) {
    console.error(
      'The browser tests need Chromium and none was found.\n' +
        '  On Debian/Ubuntu as root:  apt-get install -y chromium fonts-noto-core\n' +
        '  Or point at any Chromium or Chrome:  CHROME_PATH=/path/to/chrome npm test',
    );
    process.exit(1);
  }
}

if (!chromePath()) {
  console.error('Chromium is still missing after the install. Set CHROME_PATH to a Chromium or Chrome binary.');
  process.exit(1);
}
