// Lint: typescript-eslint with type information, Lit and web-component rules, and the
// project's own bans (markup sinks, code from strings, DOM in the pure packages).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

const markupSinks = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Data is text, never markup: no innerHTML/outerHTML.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Data is text, never markup: no insertAdjacentHTML.' },
  { selector: "CallExpression[callee.property.name='html'][callee.object.type='CallExpression']", message: 'No d3 selection.html(): set text instead.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name='write']", message: 'No document.write.' },
  { selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value='style']", message: 'A style attribute is blocked by a strict CSP: use element.style.setProperty() or cssVars().' },
  { selector: "CallExpression[callee.property.name='attr'][arguments.0.value='style']", message: 'A style attribute is blocked by a strict CSP: use selection.style() (CSSOM) instead.' },
];

// The page reached around the globals rule: `globalThis.document`, `globalThis['location']`,
// `(globalThis as …).window`, `Reflect.get(globalThis, 'window')`, or globalThis under another
// name. The pure packages read the page in one module only.
const PAGE = '/^(document|window|location|self|top|parent|frames)$/';
const PAGE_ONLY = 'Pure packages reach the page only in packages/data/src/refresh/page.ts (pageVisibility, pageAddress).';
const pageThroughGlobalThis = [
  { selector: `MemberExpression[object.name='globalThis'][property.name=${PAGE}]`, message: PAGE_ONLY },
  { selector: `MemberExpression[object.name='globalThis'][property.value=${PAGE}]`, message: PAGE_ONLY },
  { selector: `MemberExpression[object.expression.name='globalThis'][property.name=${PAGE}]`, message: PAGE_ONLY },
  { selector: `MemberExpression[object.expression.name='globalThis'][property.value=${PAGE}]`, message: PAGE_ONLY },
  { selector: `CallExpression[callee.object.name='Reflect'][callee.property.name=/^(get|has|getOwnPropertyDescriptor)$/][arguments.0.name='globalThis']`, message: PAGE_ONLY },
  { selector: "VariableDeclarator[init.name='globalThis'], AssignmentExpression[right.name='globalThis']", message: `globalThis under another name hides what is read from it. ${PAGE_ONLY}` },
];
const PAGE_GLOBALS = ['self', 'top', 'parent', 'frames'].map((name) => ({ name, message: 'Pure packages must not use the page’s globals.' }));

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'storybook-static/**', 'custom-elements.json', '**/*.d.ts', 'test-results/**', 'bench-results/**'],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', ...markupSinks],
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Data is text, never markup.' }, { name: 'lit/directives/unsafe-svg.js', message: 'Data is text, never markup.' }, { name: 'lit/directives/style-map.js', message: 'styleMap writes a style attribute on first render, which a strict CSP blocks: use cssVars() from packages/widgets/src/internal/css-vars.ts (CSSOM setProperty), or classes.' }, { name: 'd3', message: 'Import d3 modules one by one (d3-scale, d3-shape, ...).' }] }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['packages/widgets/src/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/widgets/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // The pure packages: charts render into a node they are given; data never touches the DOM.
    files: ['packages/data/src/**/*.ts', 'packages/charts/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'document', message: 'Pure packages must not use the global document (use target.ownerDocument).' }, { name: 'window', message: 'Pure packages must not use window.' }, { name: 'location', message: 'Pure packages must not use location.' }, ...PAGE_GLOBALS],
      'no-restricted-imports': ['error', { patterns: [{ group: ['lit', 'lit/*', '@lit/*'], message: 'No Lit in @ioc-kit/data or @ioc-kit/charts.' }], paths: [{ name: 'd3', message: 'Import d3 modules one by one.' }] }],
      'no-restricted-syntax': ['error', ...markupSinks, ...pageThroughGlobalThis],
    },
  },
  {
    files: ['packages/data/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'location', 'HTMLElement', 'customElements', 'localStorage', 'sessionStorage', ...PAGE_GLOBALS],
    },
  },
  {
    // Insights are numbers and text: no page, no Lit, no d3. The worker entry may use `self`.
    files: ['packages/insights/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'location', 'HTMLElement', 'customElements', 'localStorage', 'sessionStorage'],
      'no-restricted-imports': ['error', { patterns: [{ group: ['lit', 'lit/*', '@lit/*', 'd3', 'd3-*'], message: '@ioc-kit/insights has no DOM and no dependencies.' }] }],
      'no-restricted-syntax': ['error', ...markupSinks, ...pageThroughGlobalThis],
    },
  },
  {
    // The one module that may look at the page (and copes when there is none).
    files: ['packages/data/src/refresh/page.ts'],
    rules: { 'no-restricted-syntax': ['error', ...markupSinks] },
  },
  {
    // The registry loads the sources; a source importing the registry back makes a cycle.
    files: ['packages/data/src/sources/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*'], message: 'No Lit in @ioc-kit/data or @ioc-kit/charts.' },
            { group: ['**/registry.js', '**/registry'], message: 'Sources must not import the registry that loads them (an import cycle): take what you need as an argument.' },
          ],
          paths: [{ name: 'd3', message: 'Import d3 modules one by one.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'stories/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // chai-dom's typings make every assertion look like a promise.
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
