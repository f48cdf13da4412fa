// The plain-language summary of an insight, in Vietnamese or English, from templates (no network,
// no model): "PM2.5 ở Phường X xấu đi, tăng 18 % trong 7 ngày qua, cao bất thường so với cùng kỳ;
// dự báo vượt ngưỡng Kém trong 6 giờ tới. Hiện ở mức Trung bình (48,2 µg/m³)."
import { localize, type Indicator, type LocalizedText, type Locale, type TimeGrain } from '@ioc-kit/data';
import type { Insight } from '../insights.js';
import { periodIndex } from '../time-grid.js';
import { formatMagnitude, formatNumber, formatPercent, formatQuantity } from './format.js';
import { EN, VI, ago, type CountUnit } from './phrases.js';

/** Options of {@link summarize}. */
export interface SummaryOptions {
  locale?: Locale;
  /** What to call the indicator (default: its catalogue name). */
  indicatorName?: LocalizedText | string;
  /** The area's name ("Phường X"); omitted when absent. */
  areaName?: LocalizedText | string;
}

function capitalise(text: string, locale: Locale): string {
  return text ? text.charAt(0).toLocaleUpperCase(locale === 'vi' ? 'vi-VN' : 'en-GB') + text.slice(1) : text;
}

/** A span of `periods` periods of `grain`, in the largest unit that counts it whole (168 hours = 7 days). */
function span(periods: number, grain: TimeGrain): { count: number; unit: CountUnit } {
  if (grain === 'hour' && periods >= 24 && periods % 24 === 0) return { count: periods / 24, unit: 'day' };
  if (grain === 'month' && periods >= 12 && periods % 12 === 0) return { count: periods / 12, unit: 'year' };
  return { count: periods, unit: grain };
}

/** One summary of an insight: one to three sentences, each starting with a capital and ending with a full stop. */
export function summarize(insight: Insight, indicator: Indicator, options: SummaryOptions = {}): string {
  const locale = options.locale ?? 'vi';
  const words = locale === 'vi' ? VI : EN;
  const unit = localize(indicator.unit.label, locale);
  const name = localize(options.indicatorName ?? indicator.name, locale);
  const area = localize(options.areaName, locale);
  const { trend, status, grain } = insight;

  let main = words.subject(name, area) + ' ';
  if (trend.direction === 'unknown') {
    main += words.tooLittle;
  } else {
    const { count, unit: spanUnit } = span(trend.periods + 1, grain);
    const window = words.window(count, spanUnit);
    if (trend.direction === 'flat') {
      main += `${trend.reason === 'constant' ? words.unchanged : words.noTrend} ${window}`;
    } else {
      const amount = trend.changePercent !== null ? formatPercent(trend.changePercent, locale) : formatQuantity(formatMagnitude(trend.change, locale, indicator.decimals), unit, locale);
      const verdict = trend.verdict === 'improving' || trend.verdict === 'worsening' ? trend.verdict : 'changing';
      main += `${trend.direction === 'rising' ? words.rose(amount, verdict) : words.fell(amount, verdict)} ${window}`;
    }
  }

  const seasonal = insight.baseline !== 'rolling';
  let unusual = '';
  if (insight.latestAnomaly) unusual = words.unusual(insight.latestAnomaly.direction, seasonal);
  else if (status.normal && status.normal.position !== 'within') unusual = words.outsideNormal(status.normal.position, status.normal.basis);
  if (unusual) main += words.andIs + unusual;

  const change = insight.recentChange;
  if (change && status.at !== null) {
    const { count, unit: agoUnit } = span(Math.max(1, periodIndex(status.at, grain) - periodIndex(change.t, grain)), grain);
    main += (locale === 'vi' ? ', ' : '; ') + words.changed(change.shift > 0 ? 'up' : 'down', ago(count, agoUnit, locale));
  }

  const crossing = insight.forecast?.crossing;
  if (crossing) {
    const { count, unit: horizonUnit } = span(crossing.step, grain);
    const horizon = words.horizon(count, horizonUnit);
    main +=
      '; ' +
      (crossing.band
        ? words.forecastBand(localize(crossing.band.label, locale), crossing.direction, horizon)
        : words.forecastTarget(formatQuantity(formatNumber(crossing.threshold, locale, indicator.decimals), unit, locale), crossing.direction, horizon));
  }
  const sentences = [capitalise(main, locale) + '.'];

  if (status.value !== null) {
    const value = formatQuantity(formatNumber(status.value, locale, indicator.decimals), unit, locale);
    let now = words.now(value, status.band ? localize(status.band.label, locale) : undefined);
    const run = insight.currentRun;
    if (run && run.length >= 2) {
      // Counted in the data's own periods: "24 consecutive hours", not "1 consecutive day".
      now += ', ' + words.afterRun(words.consecutive(run.length, grain), run.threshold ? localize(run.threshold.label, locale) : undefined);
    }
    sentences.push(now + '.');
    if (status.target) sentences.push(words.targetMet(formatQuantity(formatNumber(status.target.target, locale, indicator.decimals), unit, locale), status.target.met));
  }
  return sentences.join(' ');
}
