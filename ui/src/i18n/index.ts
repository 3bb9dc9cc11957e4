import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language, LanguagePref } from '../bindings';
import en from './en';
import fr from './fr';

/** The language shown for a preference: `system` follows the OS language (as the Rust side reads it from the OS
 *  locale), or the web view's language until that is known. */
export function resolveLanguage(pref: LanguagePref | undefined, systemLanguage?: Language): Language {
  if (pref === 'en' || pref === 'fr') return pref;
  if (systemLanguage) return systemLanguage;
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return nav.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number put in a text, as the language writes it: "0.5" / "0,5", "4,200" / "4 200". */
export function formatInText(value: number, lng: string): string {
  let f = numberFormats.get(lng);
  if (!f) {
    f = new Intl.NumberFormat(lng === 'fr' ? 'fr' : 'en', { maximumFractionDigits: 2 });
    numberFormats.set(lng, f);
  }
  return f.format(value);
}

/** Every number a text interpolates is written in the text's language (`alwaysFormat`): no text can show "0.5" in
 *  French. Other values go in as they are. */
const formatter = {
  type: 'formatter' as const,
  init() {},
  add() {},
  addCached() {},
  format: (value: unknown, _format: string | undefined, lng: string | undefined): string =>
    (typeof value === 'number' && Number.isFinite(value) ? formatInText(value, lng ?? 'en') : value) as string,
};

void i18n.use(initReactI18next).use(formatter).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: resolveLanguage('system'),
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
  initAsync: false,
});

export function currentLanguage(): Language {
  return i18n.language === 'fr' ? 'fr' : 'en';
}

export default i18n;
