// custom-elements.json for @ioc-kit/widgets, generated from the widgets' JSDoc.
export default {
  globs: ['packages/widgets/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts', '**/test-helpers/**'],
  outdir: 'packages/widgets',
  litelement: true,
  // The widgets package.json already points at its manifest; don't touch the root one.
  packagejson: false,
  plugins: [
    {
      // The analyzer's module order depends on file-system timing: sort so the file is stable.
      name: 'ioc-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
