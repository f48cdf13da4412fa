import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../packages/widgets/custom-elements.json';
import './preview.css';

setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'ioc-kit theme',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['light', 'dark', 'wall', 'high-contrast'], dynamicTitle: true },
    },
    locale: {
      description: 'Language',
      toolbar: { title: 'Locale', icon: 'globe', items: [{ value: 'vi', title: 'Tiếng Việt' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'vi' },
  decorators: [
    // Every story sits on a themed surface; a story's own `theme` arg (for the theme matrix) wins.
    (story, context) => {
      const theme = (context.args as { theme?: string }).theme ?? (context.globals as { theme?: string }).theme ?? 'light';
      return html`<div class="ioc-story-surface" data-ioc-theme=${theme} lang=${(context.globals as { locale?: string }).locale ?? 'vi'}>${story()}</div>`;
    },
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
