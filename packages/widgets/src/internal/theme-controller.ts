import { CSSResult, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { readPalette, type ChartPalette } from '@ioc-kit/charts';
import { installThemes } from '@ioc-kit/themes';

/** Colour tokens of bands a chart draws, with fallbacks the data itself carries (official colours). */
export interface BandTokens {
  tokens: readonly string[];
  fallbacks?: Readonly<Record<string, string>>;
}

/**
 * Makes sure the theme tokens are defined in the document the host is connected to (the page,
 * an iframe, a window the portal opened). A chart reads its colours with `readThemePalette`.
 *
 * ```ts
 * constructor() { super(); new ThemeController(this); }
 * draw() { const palette = readThemePalette(this, { tokens: ['positive', 'negative'] }); ... }
 * ```
 *
 * `ThemeController.prepare(this)` in a widget's `static finalize()` parses its stylesheets and
 * installs the tokens when the element is defined, not inside its first frame.
 */
export class ThemeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Parses an element class's shadow stylesheets and installs the tokens in the main document. */
  static prepare(element: { readonly elementStyles: readonly unknown[] }): void {
    for (const style of element.elementStyles) if (style instanceof CSSResult) void style.styleSheet;
    if (typeof document !== 'undefined') installThemes(document);
  }

  hostConnected(): void {
    // Another document (an iframe, a window opened by the portal) gets its tokens too.
    installThemes(this.#host.ownerDocument);
  }
}

/**
 * The chart palette as `element`'s styles resolve it now (series colours, text, grid, and the
 * colours of `bands`, with their official fallbacks), so a chart draws with the theme's
 * colours and the component hooks. Apart from the controller so a widget without a plot does
 * not carry it.
 */
export function readThemePalette(element: Element, bands: BandTokens = { tokens: [] }): ChartPalette {
  return readPalette(element, bands.tokens, bands.fallbacks);
}
