/** The two languages ioc-kit ships: Vietnamese first, English second. */
export type Locale = 'vi' | 'en';

/** A text in Vietnamese, with English where known. */
export interface LocalizedText {
  vi: string;
  en?: string;
}

/** Picks the text for a locale, falling back to Vietnamese (always present). */
export function localize(text: LocalizedText | string | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (locale === 'en' ? text.en : undefined) ?? text.vi;
}

/** BCP 47 tag used with `Intl` for a locale. */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'vi-VN';
}
