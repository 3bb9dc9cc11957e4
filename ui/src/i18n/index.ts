import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import 'dayjs/locale/fr';
import type { Language, LanguagePref } from '../bindings';
import en from './en';
import fr from './fr';

dayjs.extend(localizedFormat);

/** The language shown for a preference: `system` follows the OS/webview language. */
export function resolveLanguage(pref: LanguagePref | undefined, navigatorLanguage?: string): Language {
  if (pref === 'en' || pref === 'fr') return pref;
  const nav = navigatorLanguage ?? (typeof navigator !== 'undefined' ? navigator.language : 'en');
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
