// User preferences of this window (UI language, light/dark) and the reactive translator `t`.
// Stored in localStorage: they are per-installation display choices, not library data.
import {
  formatDate, formatDateTime, formatLanguage, formatNumber, formatTime, resolveLocale, translate,
} from './i18n.ts';
import type { Locale, MessageKey, Params } from './i18n.ts';

export type LanguagePreference = 'system' | Locale;
export type ThemePreference = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'dossier.settings';

function readStored(): { language?: unknown; theme?: unknown; strictUmlauts?: unknown } {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as object) : {};
  } catch {
    return {};
  }
}

function systemLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
}

class Settings {
  language = $state<LanguagePreference>('system');
  theme = $state<ThemePreference>('system');
  /** Search: a word typed with an umlaut matches only that spelling ("dröge" is not "Droge"). */
  strictUmlauts = $state(false);
  /** The language the UI is shown in right now. */
  locale: Locale = $derived(resolveLocale(this.language, systemLanguages()));

  constructor() {
    const stored = readStored();
    if (stored.language === 'en' || stored.language === 'de') this.language = stored.language;
    if (stored.theme === 'light' || stored.theme === 'dark') this.theme = stored.theme;
    if (stored.strictUmlauts === true) this.strictUmlauts = true;
  }

  setLanguage(language: LanguagePreference): void {
    this.language = language;
    this.persist();
  }

  setTheme(theme: ThemePreference): void {
    this.theme = theme;
    this.persist();
  }

  setStrictUmlauts(strict: boolean): void {
    this.strictUmlauts = strict;
    this.persist();
  }

  private persist(): void {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ language: this.language, theme: this.theme, strictUmlauts: this.strictUmlauts }));
    } catch {
      // Storage can be unavailable (private profile); the choice then lasts for this session only.
    }
  }
}

export const settings = new Settings();

/** Translates in the current UI language; reading it inside markup re-renders on a language switch. */
export function t(key: MessageKey, params?: Params): string {
  return translate(settings.locale, key, params);
}

export const fmt = {
  date: (iso: string | null | undefined) => formatDate(settings.locale, iso),
  dateTime: (iso: string | null | undefined) => formatDateTime(settings.locale, iso),
  time: (date: Date) => formatTime(settings.locale, date),
  number: (n: number) => formatNumber(settings.locale, n),
  language: (code: string) => formatLanguage(settings.locale, code),
  /** A list date: the publication date, or the import date said as such (never passed off as published). */
  listDate: (publishedAt: string | null, importedAt: string) => publishedAt
    ? formatDate(settings.locale, publishedAt)
    : translate(settings.locale, 'common.importedOn', { date: formatDate(settings.locale, importedAt) }),
};
