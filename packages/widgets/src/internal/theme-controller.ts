import { CSSResult, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { readPalette, type ChartPalette } from '@ioc-kit/charts';
import { installThemes } from '@ioc-kit/themes';

/** Colour tokens of bands a chart draws, with fallbacks the data itself carries (official colours). */
export interface BandTokens {
  tokens: readonly string[];
  fallbacks?: Readonly<Record<string, string>>;
}

/**
 * Makes sure the theme tokens are defined in the document the host is connected to, and reads
 * the resolved chart palette (series colours, text, grid and the band colours asked for) from
 * the host's computed style, so a chart draws with the theme's colours and the component hooks.
 *
 * ```ts
 * private readonly theme = new ThemeController(this);
 * draw() { const palette = this.theme.palette({ tokens: ['positive', 'negative'] }); ... }
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

  /** The palette as the host's styles resolve it now, with the colours of `bands`. */
  palette(bands: BandTokens = { tokens: [] }): ChartPalette {
    return readPalette(this.#host, bands.tokens, bands.fallbacks);
  }
}
