import { css, html, nothing, type TemplateResult } from 'lit';
import { ConfigError, type IocDataError, type Locale, type StaleInfo } from '@ioc-kit/data';
import type { DataState } from './data-controller.js';
import { formatDate } from './format.js';
import { message, staleMessage } from './messages.js';
import * as words from './words.js';

/**
 * A set-up mistake a widget can explain to an official in one short sentence of their language
 * (`summary`), while `message` keeps the technical advice for the portal's developer.
 */
export class WidgetSetupError extends ConfigError {
  readonly summary: Readonly<Record<Locale, string>>;
  constructor(summary: Readonly<Record<Locale, string>>, message: string) {
    super(message);
    this.name = 'WidgetSetupError';
    this.summary = summary;
  }
}

/** A setting a widget cannot work without (an area, an indicator), named so the widget can say which in words. */
export class MissingSettingError extends ConfigError {
  readonly setting: 'area' | 'indicator';
  constructor(setting: 'area' | 'indicator', message: string) {
    super(message);
    this.name = 'MissingSettingError';
    this.setting = setting;
  }
}

/**
 * What an official reads when loading failed: a short sentence in their language, chosen by the
 * kind of failure. The technical message (address, status, body) stays in the details and in
 * the `ioc-error` event, for the portal's developers.
 */
export function errorSummary(error: IocDataError | undefined, locale: Locale): string {
  if (!error) return message(words.error, locale);
  if (error instanceof MissingSettingError) return message(error.setting === 'area' ? words.noArea : words.noIndicator, locale);
  if (error instanceof WidgetSetupError) return error.summary[locale];
  switch (error.code) {
    case 'http': {
      const status = (error as { status?: unknown }).status;
      if (status === 401 || status === 403) return message(words.accessRefused, locale);
      if (status === 404) return message(words.notFound, locale);
      return message(words.error, locale);
    }
    case 'not-found':
      return message(words.notFound, locale);
    case 'validation':
      return message(words.invalidData, locale);
    case 'unsupported':
      return message(words.unsupported, locale);
    case 'config':
      return message(words.notSetUp, locale);
    default:
      return message(words.error, locale);
  }
}

export interface StatusView {
  state: DataState;
  locale: Locale;
  timeZone: string;
  /** The error in force (error and stale states). */
  error?: IocDataError;
  /** How old the data on screen is (stale state). */
  staleness?: StaleInfo;
  /** When the next automatic attempt is due, on the widget's clock (epoch ms). */
  retryAt?: number;
  /** Runs the query again; no button when absent (nothing to retry, e.g. a setting is missing). */
  onRetry?: () => void;
}

/**
 * The status line every widget shows in place of (or, when stale, under) its content: a
 * skeleton while loading, "no data yet", or a short localized sentence with a retry button
 * and a details disclosure holding the technical message.
 */
export function renderStatus(view: StatusView): TemplateResult | typeof nothing {
  const { state, locale } = view;
  switch (state) {
    case 'pending':
    case 'idle':
      return html`<div class="skeleton" aria-hidden="true"></div>
        <span part="status" role="status" class="visually-hidden">${message(words.loading, locale)}</span>`;
    case 'empty':
      return html`<div part="status" role="status" class="status">${message(words.empty, locale)}</div>`;
    case 'stale':
      return renderProblem(view, staleMessage(view.staleness?.ageMs, locale), 'status', view.staleness?.reason || view.error?.message || '');
    case 'error':
      return renderProblem(view, errorSummary(view.error, locale), 'alert', view.error?.message ?? '');
    default:
      return nothing;
  }
}

function renderProblem(view: StatusView, summary: string, role: 'alert' | 'status', detail: string): TemplateResult {
  const { locale } = view;
  const retrying =
    view.retryAt !== undefined && Number.isFinite(view.retryAt)
      ? `${message(words.retryingAt, locale)} ${formatDate(view.retryAt, locale, 'time', view.timeZone)}`
      : '';
  const sentence = retrying ? `${summary}. ${retrying}` : summary;
  // Nothing to retry until the page changes a setting.
  const missing = view.error instanceof MissingSettingError || view.error instanceof WidgetSetupError;
  return html`<div part="status" role=${role} class="status problem" title=${detail}>
    <span class="status-text">${sentence}</span>
    ${view.onRetry && !missing
      ? html`<button type="button" part="retry" class="status-action" @click=${view.onRetry}>${message(words.retry, locale)}</button>`
      : nothing}
    ${detail
      ? html`<details part="details" class="status-details">
          <summary>${message(words.details, locale)}</summary>
          <p class="status-detail">${detail}</p>
        </details>`
      : nothing}
  </div>`;
}

/**
 * Status styles every widget shares: the sentence, the retry button and the details sit inside
 * the widget's box (the details open over the content, never pushing the card taller).
 */
export const statusStyles = css`
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--ioc-sys-space-1) var(--ioc-sys-space-2);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .status-text {
    flex: 1 1 12ch;
    min-width: 0;
  }
  .status-action,
  .status-details > summary {
    font: inherit;
    font-size: var(--ioc-sys-font-size-sm);
    color: var(--ioc-sys-color-primary);
    cursor: pointer;
  }
  .status-action {
    padding: 0 var(--ioc-sys-space-2);
    border: 1px solid currentColor;
    border-radius: var(--ioc-sys-radius);
    background: transparent;
    min-height: 1.75em;
  }
  .status-action:focus-visible,
  .status-details > summary:focus-visible {
    outline: var(--ioc-sys-focus-width) solid var(--ioc-sys-color-focus);
    outline-offset: 2px;
  }
  .status-details {
    position: relative;
  }
  .status-detail {
    position: absolute;
    z-index: 2;
    inset-inline-end: 0;
    margin: var(--ioc-sys-space-1) 0 0;
    padding: var(--ioc-sys-space-2);
    width: max-content;
    max-width: min(32rem, 80vw);
    max-height: 12rem;
    overflow: auto;
    font-family: var(--ioc-sys-font-family-mono);
    font-size: var(--ioc-sys-font-size-sm);
    color: var(--ioc-sys-color-on-surface);
    background: var(--ioc-sys-color-surface-raised);
    border: 1px solid var(--ioc-sys-color-outline);
    border-radius: var(--ioc-sys-radius);
    overflow-wrap: anywhere;
  }
`;
