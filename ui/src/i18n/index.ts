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

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: resolveLanguage('system'),
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function currentLanguage(): Language {
  return i18n.language === 'fr' ? 'fr' : 'en';
}

export default i18n;
