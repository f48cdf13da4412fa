import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../packages/widgets/custom-elements.json';
import './preview.css';

setCustomElementsManifest(manifest);

/** The screens ioc-kit is read on: a phone, an office laptop and an operations-centre 4K wall. */
const VIEWPORTS = {
  phone: { name: 'Phone 360×740', styles: { width: '360px', height: '740px' }, type: 'mobile' },
  laptop: { name: 'Laptop 1366×768', styles: { width: '1366px', height: '768px' }, type: 'desktop' },
  wall: { name: '4K wall 3840×2160', styles: { width: '3840px', height: '2160px' }, type: 'desktop' },
} as const;

const preview: Preview = {
  // Every widget gets a docs page generated from the custom-elements manifest (attributes,
  // properties, events, slots, CSS parts and custom properties).
  tags: ['autodocs'],
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
    viewport: { options: VIEWPORTS },
  },
};

export default preview;
