// npm run build: type declarations for every package (tsc -b, in dependency order), then rollup.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';

for (const name of ['data', 'themes', 'charts', 'widgets', 'insights']) rmSync(`packages/${name}/dist`, { recursive: true, force: true });
rmSync('dist', { recursive: true, force: true });
const run = (command) => execSync(command, { stdio: 'inherit' });
run('npx tsc -b packages/widgets/tsconfig.build.json --force');
run('npx tsc -b packages/insights/tsconfig.build.json --force');
run('npx rollup -c --silent');
