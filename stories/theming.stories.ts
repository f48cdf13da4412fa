import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { THEME_NAMES, createTheme, type CreatedTheme, type ThemeName } from '@ioc-kit/themes';
import '@ioc-kit/widgets';
import manifest from '../packages/widgets/custom-elements.json';
import { demoSource, localeOf, type Locale } from './support.js';

interface BrandArgs {
  primary: string;
  accent: string;
  font: string;
  radius: number;
  density: number;
  base: ThemeName;
}

// Widgets other engineers are building; each shows up on the board once it is defined.
const KNOWN_WIDGETS = ['ioc-kpi-card', 'ioc-time-series', 'ioc-bar-chart', 'ioc-donut', 'ioc-gauge', 'ioc-sparkline', 'ioc-heatmap', 'ioc-map', 'ioc-alert-list'];
const INDICATORS = ['environment.aqi', 'environment.wqi', 'governance.dossiers-on-time', 'economy.budget-revenue'];

interface Manifest {
  modules?: { declarations?: { tagName?: string }[] }[];
}
const manifestTags = ((manifest as Manifest).modules ?? []).flatMap((module) => (module.declarations ?? []).map((d) => d.tagName ?? ''));

/**
 * Not on the gallery: the provider (not a widget) and the boards, which are compositions of the
 * widgets already shown (each board has its own stories).
 */
const NOT_IN_GALLERY = new Set(['ioc-provider', 'ioc-domain-board', 'ioc-overview-board']);

/** Every ioc-* widget registered in this page. */
function definedWidgets(): string[] {
  return [...new Set([...KNOWN_WIDGETS, ...manifestTags])].filter((tag) => tag.startsWith('ioc-') && !NOT_IN_GALLERY.has(tag) && customElements.get(tag));
}

const SWATCH_GROUPS = {
  chart: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `chart-${i}`),
  seq: [1, 2, 3, 4, 5, 6, 7].map((i) => `seq-${i}`),
  div: [1, 2, 3, 4, 5, 6, 7].map((i) => `div-${i}`),
};
const AQI_BANDS = [
  ['good', 'Tốt'],
  ['moderate', 'Trung bình'],
  ['poor', 'Kém'],
  ['bad', 'Xấu'],
  ['very-bad', 'Rất xấu'],
  ['hazardous', 'Nguy hại'],
] as const;

// Story-only styles, adopted like the library's own (no <style> element), reading tokens only.
const storySheet = new CSSStyleSheet();
storySheet.replaceSync(`
  .ioc-theming { display: grid; align-content: start; gap: var(--ioc-sys-space-4); padding: var(--ioc-sys-space-4); background: var(--ioc-sys-color-surface); color: var(--ioc-sys-color-on-surface); font-family: var(--ioc-sys-font-family); border-radius: var(--ioc-sys-radius); }
  .ioc-theming h2, .ioc-theming h3 { margin: 0; font-size: var(--ioc-sys-font-size-md); }
  .ioc-theming .board { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); align-items: start; gap: var(--ioc-sys-space-3); }
  .ioc-theming .samples { display: flex; flex-wrap: wrap; align-items: center; gap: var(--ioc-sys-space-3); }
  .ioc-theming button { font: inherit; padding: var(--ioc-sys-space-2) var(--ioc-sys-space-3); border: 0; border-radius: var(--ioc-sys-radius); background: var(--ioc-sys-color-primary); color: var(--ioc-sys-color-on-primary); cursor: pointer; }
  .ioc-theming button.secondary { background: var(--ioc-sys-color-surface-raised); color: var(--ioc-sys-color-on-surface); border: var(--ioc-sys-border-width) solid var(--ioc-sys-color-outline-strong); }
  .ioc-theming button:focus-visible, .ioc-theming a:focus-visible { outline: var(--ioc-sys-focus-width) solid var(--ioc-sys-color-focus); outline-offset: 2px; }
  .ioc-theming a { color: var(--ioc-sys-color-primary); }
  .ioc-theming .chip { padding: var(--ioc-sys-space-1) var(--ioc-sys-space-2); border-radius: var(--ioc-sys-radius); font-size: var(--ioc-sys-font-size-sm); }
  .ioc-theming .ramp { display: flex; gap: 2px; }
  .ioc-theming .ramp span { width: 2rem; height: 1.25rem; border-radius: 2px; }
  .ioc-theming .ramp-label { min-width: 6rem; font-size: var(--ioc-sys-font-size-sm); color: var(--ioc-sys-color-on-surface-muted); }
  .ioc-theming pre { margin: 0; padding: var(--ioc-sys-space-3); overflow: auto; background: var(--ioc-sys-color-surface-raised); color: var(--ioc-sys-color-on-surface); border: var(--ioc-sys-border-width) solid var(--ioc-sys-color-outline); border-radius: var(--ioc-sys-radius); font-family: var(--ioc-sys-font-family-mono); font-size: var(--ioc-sys-font-size-sm); }
  .ioc-theming table { border-collapse: collapse; font-size: var(--ioc-sys-font-size-sm); font-variant-numeric: var(--ioc-sys-font-numeric); }
  .ioc-theming th, .ioc-theming td { text-align: start; padding: 2px var(--ioc-sys-space-2); border-bottom: 1px solid var(--ioc-sys-color-outline); }
  .ioc-theming .fail { color: var(--ioc-sys-color-negative); font-weight: var(--ioc-sys-font-weight-bold); }
  .ioc-gallery { display: grid; grid-template-columns: repeat(auto-fit, minmax(34rem, 1fr)); gap: var(--ioc-sys-space-3); }
  ${Object.values(SWATCH_GROUPS).flat().map((role) => `.ioc-theming .swatch-${role} { background: var(--ioc-sys-color-${role}); }`).join('\n')}
  ${AQI_BANDS.map(([band]) => `.ioc-theming .aqi-${band} { background: var(--ioc-sys-color-aqi-${band}); color: var(--ioc-sys-color-on-aqi-${band}); }`).join('\n')}
`);
if (!document.adoptedStyleSheets.includes(storySheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, storySheet];

/** Fills a board with one of every defined widget (KPI cards for a few indicators). */
function fillBoard(board: Element | undefined, locale: Locale): void {
  if (!board || board.childElementCount > 0) return;
  for (const tag of definedWidgets()) {
    // A donut shows shares of a total (AQI has none): the communes' solid waste.
    const indicators =
      tag === 'ioc-kpi-card' ? INDICATORS : tag === 'ioc-donut' ? ['environment.solid-waste'] : tag === 'ioc-heatmap' ? ['mobility.vehicle-flow'] : ['environment.aqi'];
    for (const indicator of indicators) {
      const widget = document.createElement(tag);
      widget.setAttribute('indicator', indicator);
      widget.setAttribute('locale', locale);
      // A ranking of all 99 communes in a card is a blur from across a room: the top ten read;
      // a week by hour has cells large enough to see in a card; small communes go to "Khác".
      if (tag === 'ioc-bar-chart') widget.setAttribute('top', '10');
      if (tag === 'ioc-heatmap') widget.setAttribute('layout', 'hour-weekday');
      if (tag === 'ioc-donut') widget.setAttribute('other-threshold', '0.01');
      if (tag === 'ioc-area-table') widget.setAttribute('indicators', 'environment.aqi,environment.pm25');
      board.append(widget);
    }
  }
}

/** The five brand tokens as the CSS an agency pastes into its page. */
function brandCss(args: BrandArgs): string {
  return `:root {\n  --ioc-brand-primary: ${args.primary};\n  --ioc-brand-accent: ${args.accent};\n  --ioc-brand-font: ${args.font};\n  --ioc-brand-radius: ${args.radius}px;\n  --ioc-brand-density: ${args.density};\n}\n`;
}

function applyBrand(element: Element | undefined, args: Partial<BrandArgs>): void {
  if (!(element instanceof HTMLElement)) return;
  const set = (name: string, value: string | undefined) => (value === undefined ? element.style.removeProperty(name) : element.style.setProperty(name, value));
  set('--ioc-brand-primary', args.primary);
  set('--ioc-brand-accent', args.accent);
  set('--ioc-brand-font', args.font);
  set('--ioc-brand-radius', args.radius === undefined ? undefined : `${args.radius}px`);
  set('--ioc-brand-density', args.density === undefined ? undefined : String(args.density));
}

async function copy(text: string, button: EventTarget | null, locale: Locale): Promise<void> {
  const status = button instanceof HTMLElement ? button.parentElement?.querySelector('[role="status"]') : null;
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = locale === 'en' ? 'Copied.' : 'Đã chép.';
  } catch {
    if (status) status.textContent = locale === 'en' ? 'The browser refused the clipboard: select the text below.' : 'Trình duyệt không cho chép: hãy chọn đoạn CSS bên dưới.';
  }
}

function samples(locale: Locale) {
  const ramp = (label: string, roles: string[]) =>
    html`<div class="samples"><span class="ramp-label">${label}</span><span class="ramp" aria-hidden="true">${roles.map((role) => html`<span class="swatch-${role}"></span>`)}</span></div>`;
  return html`
    <div class="samples">
      <button type="button">${locale === 'en' ? 'Primary action' : 'Nút chính'}</button>
      <button type="button" class="secondary">${locale === 'en' ? 'Secondary' : 'Nút phụ'}</button>
      <a href="#theming">${locale === 'en' ? 'A link' : 'Một liên kết'}</a>
      ${AQI_BANDS.map(([band, label]) => html`<span class="chip aqi-${band}">${label}</span>`)}
    </div>
    ${ramp(locale === 'en' ? 'Series' : 'Chuỗi', SWATCH_GROUPS.chart)} ${ramp(locale === 'en' ? 'Sequential' : 'Tuần tự', SWATCH_GROUPS.seq)}
    ${ramp(locale === 'en' ? 'Diverging' : 'Phân kỳ', SWATCH_GROUPS.div)}
  `;
}

function reportTable(theme: CreatedTheme, locale: Locale) {
  const rows = theme.report.filter((r) => !r.ok || r.adjusted);
  return html`<table>
    <caption>
      ${locale === 'en' ? 'Roles createTheme() had to adjust or could not make accessible' : 'Vai trò createTheme() phải chỉnh hoặc không đạt'}
    </caption>
    <thead>
      <tr><th scope="col">Role</th><th scope="col">Requested</th><th scope="col">Ratio</th><th scope="col">AA</th></tr>
    </thead>
    <tbody>
      ${rows.length === 0 ? html`<tr><td colspan="4">${locale === 'en' ? 'None: every role passes as given.' : 'Không có: mọi vai trò đều đạt.'}</td></tr>` : nothing}
      ${rows.map(
        (r) => html`<tr>
          <td>${r.role}</td>
          <td>${r.requested ?? ''}</td>
          <td>${r.ratio.toFixed(2)}:1 / ${r.required}:1</td>
          <td class=${r.ok ? '' : 'fail'}>${r.ok ? '✓' : '✗'}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

const meta: Meta<BrandArgs> = {
  title: 'Theming',
  args: { primary: '#c8102e', accent: '#f4a300', font: "'Be Vietnam Pro'", radius: 4, density: 1, base: 'light' },
  argTypes: {
    primary: { control: 'color', description: '--ioc-brand-primary' },
    accent: { control: 'color', description: '--ioc-brand-accent' },
    font: { control: 'text', description: '--ioc-brand-font (in front of the Vietnamese system stack)' },
    radius: { control: { type: 'range', min: 0, max: 24, step: 1 }, description: '--ioc-brand-radius, px' },
    density: { control: { type: 'range', min: 0.5, max: 2, step: 0.05 }, description: '--ioc-brand-density' },
    base: { control: 'select', options: [...THEME_NAMES], description: 'Built-in theme the brand applies to' },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<BrandArgs>;

/**
 * A designer picks the five brand tokens in the controls: every widget on the board follows
 * live through the CSS-only path, and the CSS to paste into the province's portal is below,
 * with what `createTheme()` would adjust to keep WCAG AA.
 */
export const BrandBuilder: Story = {
  render: (args, { globals }) => {
    const locale = localeOf(globals);
    const css = brandCss(args);
    let theme: CreatedTheme | undefined;
    let problem = '';
    try {
      theme = createTheme({ primary: args.primary, accent: args.accent, font: args.font, radius: args.radius, density: args.density, base: args.base, name: 'brand' });
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    return html`
      <ioc-provider .source=${demoSource} area="90" locale=${locale}>
        <div class="ioc-theming" id="theming" data-ioc-theme=${args.base} ${ref((el) => applyBrand(el, args))}>
          <h2>${locale === 'en' ? 'Every widget, re-branded' : 'Mọi tiện ích, theo nhận diện mới'}</h2>
          <div class="board" ${ref((el) => fillBoard(el, locale))}></div>
          ${samples(locale)}
          <h2>${locale === 'en' ? 'CSS for the portal page' : 'CSS cho trang cổng'}</h2>
          <div class="samples">
            <button type="button" @click=${(event: Event) => copy(css, event.currentTarget, locale)}>${locale === 'en' ? 'Copy CSS' : 'Chép CSS'}</button>
            <span role="status"></span>
          </div>
          <pre>${css}</pre>
          ${problem ? html`<p class="fail">${problem}</p>` : nothing}
          ${theme
            ? html`<details>
                <summary>${locale === 'en' ? 'createTheme() stylesheet and contrast report' : 'Kết quả createTheme() và báo cáo tương phản'}</summary>
                ${reportTable(theme, locale)}
                <div class="samples">
                  <button type="button" class="secondary" @click=${(event: Event) => copy(theme.css, event.currentTarget, locale)}>
                    ${locale === 'en' ? 'Copy createTheme() CSS' : 'Chép CSS của createTheme()'}
                  </button>
                  <span role="status"></span>
                </div>
                <pre>${theme.css}</pre>
              </details>`
            : nothing}
        </div>
      </ioc-provider>
    `;
  },
};

/** The four built-in themes side by side, every defined widget in each. */
export const ThemeGallery: Story = {
  argTypes: { primary: { control: false }, accent: { control: false }, font: { control: false }, radius: { control: false }, density: { control: false }, base: { control: false } },
  render: (_args, { globals }) => {
    const locale = localeOf(globals);
    return html`
      <ioc-provider .source=${demoSource} area="90" locale=${locale}>
        <div class="ioc-gallery">
          ${THEME_NAMES.map(
            (name) => html`<section class="ioc-theming" data-ioc-theme=${name} aria-label=${name}>
              <h2>${name}</h2>
              <div class="board" ${ref((el) => fillBoard(el, locale))}></div>
              ${samples(locale)}
            </section>`,
          )}
        </div>
      </ioc-provider>
    `;
  },
};

/** Hard brand colours on light and dark: bright yellow, pure red, light cyan, near-black. */
export const HardBrandColours: Story = {
  argTypes: ThemeGallery.argTypes,
  render: (_args, { globals }) => {
    const locale = localeOf(globals);
    const hard = ['#ffff00', '#ff0000', '#e0ffff', '#0a0a0a'];
    return html`
      <ioc-provider .source=${demoSource} area="90" locale=${locale}>
        <div class="ioc-gallery">
          ${(['light', 'dark'] as const).flatMap((base) =>
            hard.map(
              (primary) => html`<section
                class="ioc-theming"
                data-ioc-theme=${base}
                aria-label=${`${base} ${primary}`}
                ${ref((el) => applyBrand(el, { primary, accent: primary }))}
              >
                <h3>${base} · ${primary}</h3>
                ${samples(locale)}
              </section>`,
            ),
          )}
        </div>
      </ioc-provider>
    `;
  },
};
