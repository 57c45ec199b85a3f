// Every string the UI shows, in English and German, plus locale-aware dates, numbers and plurals.
// Pure functions of (locale, key, params): the reactive "current locale" lives in settings.svelte.ts.

export type Locale = 'en' | 'de';
export const locales: Locale[] = ['en', 'de'];

/** A message with a count picks its form through Intl.PluralRules ('one', 'other', …). */
type Message = string | { one: string; other: string };

const en = {
  'app.name': 'Dossier',
  'app.tagline': 'News briefings, offline',
  'app.skip': 'Skip to content',
  'nav.label': 'Sections',
  'nav.briefing': 'Briefing',
  'nav.library': 'Library',
  'nav.search': 'Search',
  'import.button': 'Import files…',
  'import.hint': 'or drop files and folders anywhere in this window',
  'import.fileInput': 'Files to import',
  'drop.title': 'Drop to import',
  'drop.detail': 'Text, Markdown, web pages, PDF, Word, e-mails, feeds and whole folders',
  'import.reading': { one: 'Reading {count} file…', other: 'Reading {count} files…' },
  'import.progress': 'Importing {done} of {total}',
  'import.current': 'Now: {name}',
  'report.title': 'Import report',
  'report.imported': { one: '{count} imported', other: '{count} imported' },
  'report.duplicates': { one: '{count} already in the library', other: '{count} already in the library' },
  'report.failed': { one: '{count} failed', other: '{count} failed' },
  'report.skipped': { one: '{count} hidden or system file skipped', other: '{count} hidden or system files skipped' },
  'report.nothing': 'No files found to import.',
  'report.statusImported': 'Imported',
  'report.statusDuplicate': 'Duplicate',
  'report.statusFailed': 'Failed',
  'report.duplicateOf': 'Same as “{title}”',
  'report.close': 'Close import report',
  'report.more': { one: '… and {count} more', other: '… and {count} more' },
  'report.cancelled': 'The import was cancelled; files before that point were kept.',
  'settings.label': 'Settings',
  'settings.language': 'Language',
  'settings.languageSystem': 'System',
  'settings.theme': 'Appearance',
  'settings.themeSystem': 'System',
  'settings.themeLight': 'Light',
  'settings.themeDark': 'Dark',
  'library.title': 'Library',
  'library.count': { one: '{count} article', other: '{count} articles' },
  'library.filter': 'Filter by title or outlet',
  'library.noMatch': 'No article matches “{q}”.',
  'library.empty': 'Your library is empty.',
  'library.emptyHint': 'Drop article files anywhere in this window, or choose “Import files…”.',
  'library.hasNote': 'has a note',
  'search.title': 'Search',
  'search.label': 'Search articles and notes',
  'search.placeholder': 'e.g. Kursk, nordkoreanischen, "westliche Sanktionen"',
  'search.hint': 'Searches titles, full text and your notes, in German and English. Use quotes for a phrase.',
  'search.understood': 'Searched for {understood}',
  'search.results': { one: '{count} result', other: '{count} results' },
  'search.none': 'Nothing found for “{q}”.',
  'search.searching': 'Searching…',
  'search.inNote': 'in your note',
  'search.inTitle': 'in the title',
  'article.back': 'Back',
  'article.loading': 'Loading the article…',
  'article.notFound': 'This article is no longer in the library.',
  'article.by': 'By {byline}',
  'article.published': 'Published {date}',
  'article.imported': 'Imported {date}',
  'article.words': { one: '{count} word', other: '{count} words' },
  'article.file': 'File: {name}',
  'article.details': 'About this article',
  'article.contents': 'Contents',
  'article.sources': 'Outlets named in the text',
  'article.links': 'Links in the source (not opened)',
  'note.title': 'Your note',
  'note.label': 'Note on this article (Markdown)',
  'note.placeholder': 'What matters here? Markdown works: **bold**, - lists, # headings.',
  'note.saving': 'Saving…',
  'note.saved': 'Saved {time}',
  'note.unsaved': 'Unsaved changes',
  'note.failed': 'Not saved: {message}',
  'note.preview': 'Preview',
  'briefing.title': 'Briefing',
  'briefing.period': 'Period',
  'briefing.24h': '24 hours',
  'briefing.7d': '7 days',
  'briefing.30d': '30 days',
  'briefing.all': 'All',
  'briefing.articles': { one: '{count} article', other: '{count} articles' },
  'briefing.themes': { one: 'in {count} theme', other: 'in {count} themes' },
  'briefing.range': '{from} to {to}',
  'briefing.until': 'until {to}',
  'briefing.empty': 'No articles in this period.',
  'briefing.emptyLibrary': 'Nothing to brief yet: import some articles first.',
  'briefing.showAll': 'Show all articles',
  'briefing.terms': 'Key terms',
  'briefing.loading': 'Building the briefing…',
  'common.untitled': 'Untitled',
  'common.noDate': 'no date',
  'common.importedOn': 'imported {date}',
  'common.dismiss': 'Dismiss',
  'common.language': 'Language: {name}',
  'error.generic': 'Something went wrong: {message}',
  'error.noBridge': 'Dossier could not reach its library. Restart the app.',
  // desktop shell (issue 7): settings dialog, About, external links
  'desktop.settingsButton': 'Settings…',
  'desktop.settingsTitle': 'Settings',
  'desktop.close': 'Close',
  'desktop.appearance': 'Appearance and language',
  'desktop.reading': 'Reading and search',
  'desktop.fontSize': 'Reader text size',
  'desktop.fontSizeValue': '{size} px',
  'desktop.strictUmlauts': 'Strict umlaut matching (ä is not a or ae)',
  'desktop.strictUmlautsHint': 'Off: “Muller”, “Müller” and “Mueller” find each other. On: only the exact spelling.',
  'desktop.storage': 'Library and watched folder',
  'desktop.libraryLocation': 'Library folder',
  'desktop.libraryDefault': 'Default folder',
  'desktop.change': 'Change…',
  'desktop.useDefault': 'Use default',
  'desktop.watched': 'Watched folder',
  'desktop.watchedHint': 'Files saved into this folder are imported automatically.',
  'desktop.watchedOff': 'Off',
  'desktop.choose': 'Choose…',
  'desktop.stopWatching': 'Stop watching',
  'desktop.aboutTitle': 'About Dossier',
  'desktop.version': 'Version',
  'desktop.notInElectron': 'not running in the desktop shell',
  'desktop.settingsFile': 'Settings file',
  'desktop.blocked': { one: '{count} request off this computer was blocked', other: '{count} requests off this computer were blocked' },
  'desktop.blockedNone': 'No request tried to leave this computer.',
  'desktop.linkTitle': 'Open this link in your browser?',
  'desktop.linkBody': 'Your browser will contact this address. Whoever runs it can see that this link was opened, from your connection.',
  'desktop.linkOpen': 'Open in browser',
  'desktop.cancel': 'Cancel',
  'article.openLink': 'Open {url} in your browser',
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;

const de: Record<MessageKey, Message> = {
  'app.name': 'Dossier',
  'app.tagline': 'Nachrichtenlage, offline',
  'app.skip': 'Zum Inhalt springen',
  'nav.label': 'Bereiche',
  'nav.briefing': 'Lage',
  'nav.library': 'Bibliothek',
  'nav.search': 'Suche',
  'import.button': 'Dateien importieren…',
  'import.hint': 'oder Dateien und Ordner irgendwo in dieses Fenster ziehen',
  'import.fileInput': 'Zu importierende Dateien',
  'drop.title': 'Zum Importieren loslassen',
  'drop.detail': 'Text, Markdown, Webseiten, PDF, Word, E-Mails, Feeds und ganze Ordner',
  'import.reading': { one: '{count} Datei wird gelesen…', other: '{count} Dateien werden gelesen…' },
  'import.progress': '{done} von {total} importiert',
  'import.current': 'Gerade: {name}',
  'report.title': 'Importbericht',
  'report.imported': { one: '{count} importiert', other: '{count} importiert' },
  'report.duplicates': { one: '{count} schon in der Bibliothek', other: '{count} schon in der Bibliothek' },
  'report.failed': { one: '{count} fehlgeschlagen', other: '{count} fehlgeschlagen' },
  'report.skipped': {
    one: '{count} versteckte oder Systemdatei übersprungen',
    other: '{count} versteckte oder Systemdateien übersprungen',
  },
  'report.nothing': 'Keine Dateien zum Importieren gefunden.',
  'report.statusImported': 'Importiert',
  'report.statusDuplicate': 'Dublette',
  'report.statusFailed': 'Fehlgeschlagen',
  'report.duplicateOf': 'Gleich wie „{title}“',
  'report.close': 'Importbericht schließen',
  'report.more': { one: '… und {count} weiterer', other: '… und {count} weitere' },
  'report.cancelled': 'Der Import wurde abgebrochen; bis dahin importierte Dateien bleiben erhalten.',
  'settings.label': 'Einstellungen',
  'settings.language': 'Sprache',
  'settings.languageSystem': 'System',
  'settings.theme': 'Darstellung',
  'settings.themeSystem': 'System',
  'settings.themeLight': 'Hell',
  'settings.themeDark': 'Dunkel',
  'library.title': 'Bibliothek',
  'library.count': { one: '{count} Artikel', other: '{count} Artikel' },
  'library.filter': 'Nach Titel oder Medium filtern',
  'library.noMatch': 'Kein Artikel passt zu „{q}“.',
  'library.empty': 'Die Bibliothek ist leer.',
  'library.emptyHint': 'Artikeldateien irgendwo in dieses Fenster ziehen oder „Dateien importieren…“ wählen.',
  'library.hasNote': 'mit Notiz',
  'search.title': 'Suche',
  'search.label': 'Artikel und Notizen durchsuchen',
  'search.placeholder': 'z. B. Kursk, nordkoreanischen, "westliche Sanktionen"',
  'search.hint': 'Durchsucht Titel, Volltext und Ihre Notizen, auf Deutsch und Englisch. Anführungszeichen für Wortgruppen.',
  'search.understood': 'Gesucht nach {understood}',
  'search.results': { one: '{count} Treffer', other: '{count} Treffer' },
  'search.none': 'Nichts gefunden für „{q}“.',
  'search.searching': 'Suche läuft…',
  'search.inNote': 'in Ihrer Notiz',
  'search.inTitle': 'im Titel',
  'article.back': 'Zurück',
  'article.loading': 'Artikel wird geladen…',
  'article.notFound': 'Dieser Artikel ist nicht mehr in der Bibliothek.',
  'article.by': 'Von {byline}',
  'article.published': 'Veröffentlicht am {date}',
  'article.imported': 'Importiert am {date}',
  'article.words': { one: '{count} Wort', other: '{count} Wörter' },
  'article.file': 'Datei: {name}',
  'article.details': 'Über diesen Artikel',
  'article.contents': 'Inhalt',
  'article.sources': 'Im Text genannte Medien',
  'article.links': 'Links in der Quelle (nicht geöffnet)',
  'note.title': 'Ihre Notiz',
  'note.label': 'Notiz zu diesem Artikel (Markdown)',
  'note.placeholder': 'Was ist wichtig? Markdown geht: **fett**, - Listen, # Überschriften.',
  'note.saving': 'Wird gespeichert…',
  'note.saved': 'Gespeichert {time}',
  'note.unsaved': 'Nicht gespeicherte Änderungen',
  'note.failed': 'Nicht gespeichert: {message}',
  'note.preview': 'Vorschau',
  'briefing.title': 'Lage',
  'briefing.period': 'Zeitraum',
  'briefing.24h': '24 Stunden',
  'briefing.7d': '7 Tage',
  'briefing.30d': '30 Tage',
  'briefing.all': 'Alle',
  'briefing.articles': { one: '{count} Artikel', other: '{count} Artikel' },
  'briefing.themes': { one: 'in {count} Thema', other: 'in {count} Themen' },
  'briefing.range': '{from} bis {to}',
  'briefing.until': 'bis {to}',
  'briefing.empty': 'Keine Artikel in diesem Zeitraum.',
  'briefing.emptyLibrary': 'Noch nichts für eine Lage: zuerst Artikel importieren.',
  'briefing.showAll': 'Alle Artikel zeigen',
  'briefing.terms': 'Schlüsselbegriffe',
  'briefing.loading': 'Lage wird erstellt…',
  'common.untitled': 'Ohne Titel',
  'common.noDate': 'ohne Datum',
  'common.importedOn': 'importiert {date}',
  'common.dismiss': 'Schließen',
  'common.language': 'Sprache: {name}',
  'error.generic': 'Etwas ist schiefgegangen: {message}',
  'error.noBridge': 'Dossier erreicht seine Bibliothek nicht. Bitte die App neu starten.',
  // desktop shell (issue 7): settings dialog, About, external links
  'desktop.settingsButton': 'Einstellungen…',
  'desktop.settingsTitle': 'Einstellungen',
  'desktop.close': 'Schließen',
  'desktop.appearance': 'Darstellung und Sprache',
  'desktop.reading': 'Lesen und Suchen',
  'desktop.fontSize': 'Schriftgröße im Leser',
  'desktop.fontSizeValue': '{size} px',
  'desktop.strictUmlauts': 'Umlaute streng unterscheiden (ä ist nicht a oder ae)',
  'desktop.strictUmlautsHint': 'Aus: „Muller“, „Müller“ und „Mueller“ finden einander. An: nur die genaue Schreibweise.',
  'desktop.storage': 'Bibliothek und überwachter Ordner',
  'desktop.libraryLocation': 'Ordner der Bibliothek',
  'desktop.libraryDefault': 'Standardordner',
  'desktop.change': 'Ändern…',
  'desktop.useDefault': 'Standard verwenden',
  'desktop.watched': 'Überwachter Ordner',
  'desktop.watchedHint': 'Dateien, die in diesem Ordner gespeichert werden, werden automatisch importiert.',
  'desktop.watchedOff': 'Aus',
  'desktop.choose': 'Auswählen…',
  'desktop.stopWatching': 'Nicht mehr überwachen',
  'desktop.aboutTitle': 'Über Dossier',
  'desktop.version': 'Version',
  'desktop.notInElectron': 'läuft nicht in der Desktop-App',
  'desktop.settingsFile': 'Einstellungsdatei',
  'desktop.blocked': { one: '{count} Anfrage nach außen wurde blockiert', other: '{count} Anfragen nach außen wurden blockiert' },
  'desktop.blockedNone': 'Keine Anfrage hat versucht, diesen Computer zu verlassen.',
  'desktop.linkTitle': 'Diesen Link im Browser öffnen?',
  'desktop.linkBody': 'Ihr Browser nimmt Kontakt mit dieser Adresse auf. Wer sie betreibt, sieht, dass der Link von Ihrem Anschluss aus geöffnet wurde.',
  'desktop.linkOpen': 'Im Browser öffnen',
  'desktop.cancel': 'Abbrechen',
  'article.openLink': '{url} im Browser öffnen',
};

export const messages: Record<Locale, Record<MessageKey, Message>> = { en, de };

export type Params = Record<string, string | number>;

/** Looks up `key` for `locale`, picks the plural form from `params.count`, fills `{name}` slots. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const message = messages[locale][key];
  let template: string;
  if (typeof message === 'string') template = message;
  else {
    const count = typeof params.count === 'number' ? params.count : 0;
    template = new Intl.PluralRules(locale).select(count) === 'one' ? message.one : message.other;
  }
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = params[name];
    if (value === undefined) return slot;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** The UI language for a preference: 'system' follows the first supported browser language. */
export function resolveLocale(preference: string, systemLanguages: readonly string[]): Locale {
  if (preference === 'en' || preference === 'de') return preference;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'de' || base === 'en') return base;
  }
  return 'en';
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Date-only ISO strings ("2024-11-03") are calendar dates: parse them in local time, not UTC. */
function parseDate(iso: string): { date: Date; hasTime: boolean } | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) {
    const date = new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
    return { date, hasTime: false };
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : { date, hasTime: true };
}

/** A date as a journalist reads it in a list: "3 Nov 2024" / "3. Nov. 2024". */
export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return translate(locale, 'common.noDate');
  const parsed = parseDate(iso);
  if (!parsed) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(parsed.date);
}

/** Date and time when the source has a time ("3 Nov 2024, 14:05"), else the date alone. */
export function formatDateTime(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return translate(locale, 'common.noDate');
  const parsed = parseDate(iso);
  if (!parsed) return iso;
  if (!parsed.hasTime) return formatDate(locale, iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(parsed.date);
}

export function formatTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
}

/** "German", "Deutsch", … for an ISO 639-1 code; undetermined stays visible as the code. */
export function formatLanguage(locale: Locale, code: string): string {
  if (!code || code === 'und') return '—';
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
