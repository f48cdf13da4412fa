// Every widget keeps one outer size through pending, ready, empty, stale and error, in every
// built-in theme, so a board does not reflow as data arrives or a source fails: the placeholder
// and the messages sit in the box the ready widget fills.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  CATALOGUE,
  HttpError,
  type ByAreaResult,
  type DataSource,
  type KpiResult,
  type Query,
  type QueryResult,
  type ResultFor,
  type SeriesResult,
} from '@ioc-kit/data';
import { THEME_NAMES } from '@ioc-kit/themes';
import '@ioc-kit/widgets';

const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 25, 17);
const unit = { code: '1', system: 'UCUM', label: { vi: '' } } as const;

const ready: Record<'kpi' | 'series' | 'by-area', QueryResult> = {
  kpi: { kind: 'kpi', indicator: 'environment.aqi', area: '90', unit, value: 87, previous: 60, sameLastYear: 70, partial: false, observedAt: '2026-11-24T10:00:00+07:00' } satisfies KpiResult,
  series: {
    kind: 'series',
    indicator: 'environment.aqi',
    unit,
    grain: 'day',
    partial: false,
    series: [{ area: '90', t: Array.from({ length: 30 }, (_, i) => START + i * DAY), v: Array.from({ length: 30 }, (_, i) => 40 + ((i * 37) % 60)) }],
  } satisfies SeriesResult,
  'by-area': {
    kind: 'by-area',
    indicator: 'environment.aqi',
    unit,
    level: 'commune',
    partial: false,
    rows: [
      { area: '90001', value: 91 },
      { area: '90002', value: 64 },
      { area: '90003', value: 48 },
      { area: '90004', value: 120 },
    ],
  } satisfies ByAreaResult,
};

const empty: Record<'kpi' | 'series' | 'by-area', QueryResult> = {
  kpi: { ...(ready.kpi as KpiResult), value: null, previous: null, sameLastYear: null },
  series: { ...(ready.series as SeriesResult), series: [] },
  'by-area': { ...(ready['by-area'] as ByAreaResult), rows: [] },
};

type State = 'pending' | 'ready' | 'empty' | 'stale' | 'error';
const STATES: readonly State[] = ['pending', 'ready', 'empty', 'stale', 'error'];

const LONG_REASON = `Service Unavailable ${'https://broker.example.gov.vn/ngsi-ld/v1/entities?type=AirQualityObserved&q=dateObserved'.repeat(3)}`;

/** A source that puts a widget in `state`, whatever it asks. */
function sourceFor(state: State): DataSource {
  const answer = <Q extends Query>(query: Q): Promise<ResultFor<Q>> => {
    const kind = query.kind as keyof typeof ready;
    switch (state) {
      case 'pending':
        return new Promise<never>(() => undefined);
      case 'error':
        return Promise.reject(new HttpError('https://broker.example.gov.vn/ngsi-ld/v1/entities', 503, LONG_REASON));
      case 'empty':
        return Promise.resolve(empty[kind] as ResultFor<Q>);
      case 'stale':
        return Promise.resolve({ ...ready[kind], partial: true, stale: { ageMs: 5 * 60_000, reason: 'HTTP 503' } } as ResultFor<Q>);
      default:
        return Promise.resolve(ready[kind] as ResultFor<Q>);
    }
  };
  return {
    id: `test:${state}`,
    indicators: () => Promise.resolve(CATALOGUE),
    areas: () => Promise.resolve([]),
    boundaries: () => Promise.resolve({ type: 'FeatureCollection' as const, features: [] }),
    query: answer,
  };
}

const WIDGETS = ['ioc-kpi-card', 'ioc-time-series', 'ioc-bar-chart', 'ioc-donut', 'ioc-gauge', 'ioc-sparkline', 'ioc-heatmap'] as const;

async function render(tag: string, state: State, theme: string, width: number): Promise<HTMLElement> {
  const board = await fixture<HTMLElement>(html`<div data-ioc-theme=${theme}>
    <ioc-provider .source=${sourceFor(state)} area="90" locale="vi"></ioc-provider>
  </div>`);
  const widget = document.createElement(tag);
  widget.setAttribute('indicator', 'environment.aqi');
  widget.style.width = `${width}px`;
  board.querySelector('ioc-provider')!.append(widget);
  await waitUntil(() => widget.getAttribute('state') === state, `${tag} never reached ${state} (is ${widget.getAttribute('state')})`, { timeout: 5000 });
  await (widget as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return widget;
}

const height = (element: Element) => element.getBoundingClientRect().height;

describe('every widget keeps its size in every state', () => {
  for (const theme of THEME_NAMES) {
    for (const tag of WIDGETS) {
      const width = tag === 'ioc-sparkline' ? 160 : tag === 'ioc-kpi-card' ? 300 : 560;
      it(`${tag} in ${theme}: pending, ready, empty, stale and error are one height (${width} px wide)`, async () => {
        const heights: Record<string, number> = {};
        for (const state of STATES) {
          const widget = await render(tag, state, theme, width);
          heights[state] = height(widget);
          if (state === 'error' || state === 'stale') {
            // The status in these states is to get a short message, a retry button and a "details"
            // disclosure: with them (and a long reason) the widget still keeps its size.
            const status = widget.shadowRoot!.querySelector<HTMLElement>('[part="status"]')!;
            const retry = document.createElement('button');
            retry.type = 'button';
            retry.textContent = 'Thử lại';
            const details = document.createElement('details');
            details.append(Object.assign(document.createElement('summary'), { textContent: 'Chi tiết' }), LONG_REASON);
            status.append(retry, details);
            await new Promise((resolve) => requestAnimationFrame(resolve));
            heights[`${state}+retry`] = height(widget);
            // Nothing of the message leaves the card.
            const base = widget.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect();
            const box = status.getBoundingClientRect();
            expect(box.bottom, `${state} status inside the card`).to.be.at.most(base.bottom + 0.5);
            expect(box.right, `${state} status inside the card`).to.be.at.most(base.right + 0.5);
          }
          widget.closest('[data-ioc-theme]')!.remove();
        }
        const ready = heights.ready as number;
        expect(ready, 'a ready widget has a height').to.be.above(20);
        for (const [state, value] of Object.entries(heights)) expect(value, `${state} vs ready: ${JSON.stringify(heights)}`).to.be.closeTo(ready, 1);
      });
    }
  }

  it('keeps the size on the wall at a small and a large width too', async () => {
    for (const tag of ['ioc-kpi-card', 'ioc-time-series', 'ioc-bar-chart'] as const) {
      for (const width of [240, 960]) {
        const heights: number[] = [];
        for (const state of STATES) {
          const widget = await render(tag, state, 'wall', width);
          heights.push(height(widget));
          widget.closest('[data-ioc-theme]')!.remove();
        }
        for (const value of heights) expect(value, `${tag} at ${width} px: ${heights.join(', ')}`).to.be.closeTo(heights[1] as number, 1);
      }
    }
  });
});
