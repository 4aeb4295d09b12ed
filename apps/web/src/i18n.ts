import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { account } from './locales/account';
import { admin } from './locales/admin';
import { common } from './locales/common';
import { coordinator } from './locales/coordinator';
import { labels } from './locales/labels';
import { work } from './locales/work';

/** The two languages: Simplified Chinese first, English on request (kept in localStorage). */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'workpoints.language';
const namespaces = { common, work, coordinator, admin, account, labels };

export function storedLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  ns: Object.keys(namespaces),
  defaultNS: 'common',
  resources: Object.fromEntries(
    LANGUAGES.map((lng) => [
      lng,
      Object.fromEntries(Object.entries(namespaces).map(([ns, texts]) => [ns, texts[lng]])),
    ]),
  ),
  interpolation: { escapeValue: false },
});
document.documentElement.lang = storedLanguage();

export default i18n;
