import i18next, { type i18n, type TFunction } from 'i18next';
import { resources, namespaces } from '../locales/index.js';

/** The languages the platform speaks. */
export const locales = ['en', 'da'] as const;
export type Locale = (typeof locales)[number];

/** Whether a string is a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Creates the shared i18next instance with every catalogue loaded (synchronously, no I/O). */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    ns: namespaces,
    defaultNS: 'common',
    fallbackLng: 'en',
    supportedLngs: [...locales],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** A translate function bound to one locale. */
export type Translate = TFunction;

/** Picks the best locale from an explicit choice, an Accept-Language header and a fallback. */
export function negotiateLocale(
  chosen: unknown,
  acceptLanguage: string | undefined,
  fallback: Locale = 'en',
): Locale {
  if (isLocale(chosen)) return chosen;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.find((p) => p.trim().startsWith('q='));
        return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
      })
      .filter((x) => !Number.isNaN(x.q))
      .sort((a, b) => b.q - a.q);
    for (const { lang } of ranked) if (isLocale(lang)) return lang;
  }
  return fallback;
}
