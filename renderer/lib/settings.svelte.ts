// User preferences (UI language, light/dark, strict umlauts, reader font size, library and watched folder) and
// the reactive translator `t`. Main keeps them in a settings file (settings.get/set); localStorage holds a copy of
// language and theme only so the first paint is already right.
import { call, toErrorData } from './api.ts';
import {
  formatDate, formatDateTime, formatLanguage, formatMonth, formatNumber, formatTime, resolveLocale, translate,
} from './i18n.ts';
import type { Locale, MessageKey, Params } from './i18n.ts';
import type { AppSettings, SettingsPatch } from '../../electron/api.ts';

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
  readerFontSize = $state(18);
  libraryDir = $state<string | null>(null);
  watchedFolder = $state<string | null>(null);
  /** The last save that failed, shown in the settings dialog. */
  error = $state.raw<{ code: string; message: string } | null>(null);
  /** The language the UI is shown in right now. */
  locale: Locale = $derived(resolveLocale(this.language, systemLanguages()));

  constructor() {
    const stored = readStored();
    if (stored.language === 'en' || stored.language === 'de') this.language = stored.language;
    if (stored.theme === 'light' || stored.theme === 'dark') this.theme = stored.theme;
    if (stored.strictUmlauts === true) this.strictUmlauts = true;
  }

  /** Takes the saved settings from main; without a desktop shell the local choices stay. */
  async load(): Promise<void> {
    try {
      this.apply(await call('settings.get', {}));
    } catch {
      // No settings service (e.g. an old main): language and theme still work from localStorage.
    }
  }

  /** Changes some settings: shown at once, saved by main; on refusal the saved values come back. */
  async update(patch: SettingsPatch): Promise<boolean> {
    this.error = null;
    const before = this.snapshot();
    this.apply({ ...before, ...patch });
    try {
      this.apply(await call('settings.set', patch));
      return true;
    } catch (e) {
      this.apply(before);
      this.error = toErrorData(e);
      return false;
    }
  }

  setLanguage(language: LanguagePreference): void {
    void this.update({ language });
  }

  setTheme(theme: ThemePreference): void {
    void this.update({ theme });
  }

  setStrictUmlauts(strictUmlauts: boolean): void {
    void this.update({ strictUmlauts });
  }

  snapshot(): AppSettings {
    return {
      language: this.language, theme: this.theme, strictUmlauts: this.strictUmlauts,
      readerFontSize: this.readerFontSize, libraryDir: this.libraryDir, watchedFolder: this.watchedFolder,
    };
  }

  apply(s: AppSettings): void {
    this.language = s.language;
    this.theme = s.theme;
    this.strictUmlauts = s.strictUmlauts;
    this.readerFontSize = s.readerFontSize;
    this.libraryDir = s.libraryDir;
    this.watchedFolder = s.watchedFolder;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ language: this.language, theme: this.theme, strictUmlauts: this.strictUmlauts }));
    } catch {
      // Storage can be unavailable (private profile); the settings file in main still has the choice.
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
  month: (month: string) => formatMonth(settings.locale, month),
  language: (code: string) => formatLanguage(settings.locale, code),
  /** A list date: the publication date, or the import date said as such (never passed off as published). */
  listDate: (publishedAt: string | null, importedAt: string) => publishedAt
    ? formatDate(settings.locale, publishedAt)
    : translate(settings.locale, 'common.importedOn', { date: formatDate(settings.locale, importedAt) }),
};
