// Builds each package's ESM into its dist/ (one module per source file, dependencies external)
// and the self-contained CDN bundle dist/ioc-kit.js (lit and d3 inlined, minified, source map).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const tsconfig = 'tsconfig.base.json';
const packages = ['data', 'themes', 'charts', 'widgets', 'insights'];
// Entries no import reaches: the insights worker is loaded by URL (new Worker(new URL(...))).
const extraInputs = { insights: ['packages/insights/src/worker/insights.worker.ts'] };
const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

// Test files and test servers never ship.
const inputFilter = { exclude: ['**/*.test.ts'] };

const packageBuilds = packages.map((name) => ({
  input: [`packages/${name}/src/index.ts`, ...(extraInputs[name] ?? [])],
  external: isBare,
  plugins: [esbuild({ tsconfig, target: 'es2022', ...inputFilter })],
  output: {
    dir: `packages/${name}/dist`,
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: `packages/${name}/src`,
    sourcemap: true,
  },
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY') return;
    warn(warning);
  },
}));

const cdnBundle = {
  input: 'packages/widgets/src/ioc-kit.ts',
  plugins: [
    nodeResolve({ exportConditions: ['ioc-kit-source', 'browser', 'production'], extensions: ['.ts', '.js'] }),
    esbuild({ tsconfig, target: 'es2022', minify: true, legalComments: 'none' }),
  ],
  output: {
    file: 'dist/ioc-kit.js',
    format: 'es',
    sourcemap: true,
    inlineDynamicImports: true,
  },
};

export default [...packageBuilds, cdnBundle];
