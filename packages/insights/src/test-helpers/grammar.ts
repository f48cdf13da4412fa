// Grammar rules every summary must pass, shared by the template enumeration and the property test.
import type { Locale } from '@ioc-kit/data';

/** What is wrong with a summary (empty when nothing). */
export function grammarProblems(full: string, locale: Locale): string[] {
  const problems: string[] = [];
  // The indicator's own name may hold a decimal point (PM2.5).
  const text = full.replace(/PM2\.5/g, 'PM25');
  if (/ {2}/.test(text)) problems.push('double space');
  if (/^\s|\s$/.test(text)) problems.push('leading or trailing space');
  if (/\s[,.;]/.test(text)) problems.push('space before punctuation');
  if (/[,;.]\s*[,;.]/.test(text.replace(/\d[.,]\d/g, '0'))) problems.push('dangling separator');
  if (/[,;]$/.test(text)) problems.push('ends with a separator');
  if (!/[.]$/.test(text)) problems.push('no final full stop');
  if (/undefined|NaN|null|Infinity|\[object/.test(text)) problems.push('leaked value');
  if (/\(\s*\)/.test(text)) problems.push('empty brackets');
  if (/-0(?![.,]?\d*[1-9])/.test(text)) problems.push('negative zero');
  // Every sentence starts with a capital letter.
  for (const sentence of text.split(/(?<=\.)\s+/)) {
    const first = sentence.charAt(0);
    if (first !== first.toLocaleUpperCase() || !/\p{L}|\d/u.test(first)) problems.push(`sentence starts lower-case: "${sentence.slice(0, 20)}"`);
  }
  if (/(?<!\p{L})(\p{L}+) \1(?!\p{L})/iu.test(text)) problems.push('repeated word');
  if (locale === 'en') {
    if (/\b1 (hours|days|weeks|months|quarters|years)\b/.test(text)) problems.push('plural after 1');
    if (/\b(?:[02-9]|\d{2,}) (hour|day|week|month|quarter|year)\b/.test(text)) problems.push('singular after a number other than 1');
    if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(text.replace(/Phường Ninh Xá/g, ''))) problems.push('Vietnamese word in English');
    if (/\d,\d{1,2}(?!\d)/.test(text)) problems.push('Vietnamese decimal comma in English');
  } else {
    if (/\b(the|and|over|within|forecast|unusually)\b/.test(text)) problems.push('English word in Vietnamese');
    if (/\d\.\d{1,2}(?!\d)/.test(text)) problems.push('English decimal point in Vietnamese');
  }
  return problems;
}
