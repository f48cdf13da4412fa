import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const sharedGeo = fileURLToPath(new URL('../../shared/geo', import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Public-domain province boundaries, read from ../shared at run time, never copied here.
  staticDirs: existsSync(sharedGeo) ? [{ from: sharedGeo, to: '/shared-geo' }] : [],
  viteFinal(viteConfig) {
    viteConfig.resolve ??= {};
    // Stories run the TypeScript sources of the workspace packages, not their dist/.
    viteConfig.resolve.conditions = ['ioc-kit-source', 'module', 'browser', 'development|production'];
    // Lit's decorators as the packages compile them (experimentalDecorators, no define semantics).
    viteConfig.oxc = {
      ...(typeof viteConfig.oxc === 'object' ? viteConfig.oxc : {}),
      decorator: { legacy: true },
      typescript: { removeClassFieldsWithoutInitializer: true },
    };
    return viteConfig;
  },
};

export default config;
