// Every string the UI shows, in English and German, plus locale-aware dates, numbers and plurals.
// Pure functions of (locale, key, params): the reactive "current locale" lives in settings.svelte.ts.

import { briefingDe, briefingEn } from './i18n-briefing.ts';
import { notesDe, notesEn } from './i18n-notes.ts';
import { searchDe, searchEn } from './i18n-search.ts';

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
  // import report: cancel and retry
  'import.cancel': 'Cancel import',
  'import.cancelling': 'Cancelling… files already stored are kept.',
  'report.retry': { one: 'Retry the failed file', other: 'Retry {count} failed files' },
  'report.failures': 'Files that failed',
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
  // Saved searches, alerts, batch search, facets, query help, strict umlauts (issue 4).
  'saved.heading': 'Search alerts',
  'saved.empty': 'None yet. Search, then “Save this search”.',
  'saved.unseen': { one: '{count} new match', other: '{count} new matches' },
  'saved.save': 'Save this search',
  'saved.name': 'Name',
  'saved.confirm': 'Save',
  'saved.cancel': 'Cancel',
  'saved.saved': 'Search kept as “{name}”. New imports are checked against it.',
  'saved.alertHint': 'Every import is checked against this search; new matches are flagged.',
  'saved.newCount': { one: '{count} new since you last looked', other: '{count} new since you last looked' },
  'saved.noneNew': 'Nothing new since you last looked.',
  'saved.new': 'New',
  'saved.delete': 'Delete saved search',
  'saved.editInSearch': 'Open in search',
  'saved.loading': 'Running the saved search…',
  'saved.notFound': 'This saved search no longer exists.',
  'saved.query': 'Query: {query}',
  'facets.label': 'Refine results',
  'facets.outlet': 'Outlet',
  'facets.language': 'Language',
  'facets.theme': 'Theme',
  'facets.month': 'Month',
  'facets.add': 'Add filter {filter}',
  'search.badQuery': 'This search cannot be read yet: {message}',
  'search.strict': 'Exact umlauts (dröge ≠ Droge)',
  'batch.title': 'Batch search',
  'batch.summary': 'Count hits for a list of names or terms',
  'batch.textLabel': 'Names or terms, one per line',
  'batch.placeholder': 'Olaf Scholz\nKim Jong-un\nStreumunition',
  'batch.file': 'Load a .txt or .csv file',
  'batch.run': 'Count hits',
  'batch.running': 'Counting…',
  'batch.term': 'Term',
  'batch.count': 'Articles',
  'batch.top': 'Search',
  'batch.open': 'Search for {term}',
  'batch.fromFile': 'From {name} (CSV: first column)',
  'batch.none': 'The list has no terms: write one name or term per line.',
  'help.button': 'Query help',
  'help.title': 'How to search',
  'help.close': 'Close help',
  'help.intro': 'All words must match; German and English forms, umlaut spellings, compound words and feminine forms (Minister: Ministerin) are found.',
  'help.words': 'articles with both words (any order)',
  'help.phrase': 'the exact phrase',
  'help.or': 'either word (also ODER)',
  'help.not': 'without this word (also NOT / NICHT)',
  'help.group': 'group with parentheses',
  'help.prefix': 'words starting with …',
  'help.fuzzy': 'tolerate typos (~2: two)',
  'help.strict': 'umlaut exactly as written',
  'help.fields': 'in the title, your notes, an outlet, a language',
  'help.dates': 'by date: after, before, the last 7 days',
  'help.hasNote': 'only articles with a note of yours',
  'help.sort': 'newest first instead of best match',
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
  'briefing.loading': 'Building the briefing… After a big import, every article is first grouped into themes; you can search and read meanwhile.',
  'common.untitled': 'Untitled',
  'common.noDate': 'no date',
  'common.importedOn': 'imported {date}',
  'common.dismiss': 'Dismiss',
  'common.language': 'Language: {name}',
  'error.generic': 'Something went wrong: {message}',
  'error.noBridge': 'Dossier could not reach its library. Restart the app.',
  // highlights, tags, notes view, export (issue 6)
  'nav.notes': 'Notes',
  'hl.toolbar': 'Highlight the selected text',
  'hl.color.yellow': 'Yellow',
  'hl.color.green': 'Green',
  'hl.color.blue': 'Blue',
  'hl.color.pink': 'Pink',
  'hl.make': 'Highlight in {color}',
  'hl.selectFirst': 'Select a passage of the text, then pick a colour.',
  'hl.title': 'Highlights',
  'hl.edit': 'Edit highlight',
  'hl.comment': 'Comment on the highlight',
  'hl.colour': 'Colour',
  'hl.save': 'Save',
  'hl.delete': 'Delete highlight',
  'hl.close': 'Close',
  'hl.detached': 'Detached highlights',
  'hl.detachedHint': 'The text changed and these passages were not found again. Nothing is lost: their quotes and comments are kept here.',
  'hl.count': { one: '{count} highlight', other: '{count} highlights' },
  'hl.open': 'Highlight: {quote}',
  'tags.title': 'Tags',
  'tags.add': 'Add a tag',
  'tags.remove': 'Remove tag {tag}',
  'tags.none': 'No tags yet.',
  'tags.fromNote': 'From a #hashtag in your note',
  'export.title': 'Export',
  'export.as': 'Export this article as {format}',
  'export.done': 'Saved {name}',
  'notes.title': 'Notes and highlights',
  'notes.search': 'Search notes',
  'notes.searchHint': 'Same query language as Search, e.g. note:source, tag:ukraine, "exact words"',
  'notes.tag': 'Tag',
  'notes.allTags': 'All tags',
  'notes.from': 'Changed since',
  'notes.to': 'Changed until',
  'notes.empty': 'No notes or highlights yet. Select text in an article to highlight it, or write a note beside it.',
  'notes.noMatch': 'Nothing matches these filters.',
  'notes.count': { one: '{count} annotated article', other: '{count} annotated articles' },
  'notes.exportAll': 'Export all as {format}',
  'notes.note': 'Note',
  'note.restored': 'Restored text you had not saved yet; it is being saved now.',
  // Themes & briefing (issue 5)
  ...briefingEn,
  // notes on themes and briefings, theme export, updated imports (issue 6)
  ...notesEn,
  // search: index rebuild notice, query parser messages (issue 4)
  ...searchEn,
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
  // import report: cancel and retry
  'import.cancel': 'Import abbrechen',
  'import.cancelling': 'Wird abgebrochen… bereits gespeicherte Dateien bleiben erhalten.',
  'report.retry': { one: 'Fehlgeschlagene Datei erneut versuchen', other: '{count} fehlgeschlagene Dateien erneut versuchen' },
  'report.failures': 'Fehlgeschlagene Dateien',
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
  // Gespeicherte Suchen, Hinweise, Listensuche, Facetten, Suchhilfe, exakte Umlaute (issue 4).
  'saved.heading': 'Gespeicherte Suchen',
  'saved.empty': 'Noch keine. Suchen Sie und wählen Sie „Diese Suche speichern“.',
  'saved.unseen': { one: '{count} neuer Treffer', other: '{count} neue Treffer' },
  'saved.save': 'Diese Suche speichern',
  'saved.name': 'Name',
  'saved.confirm': 'Speichern',
  'saved.cancel': 'Abbrechen',
  'saved.saved': 'Gespeichert als „{name}“. Neue Importe werden damit geprüft.',
  'saved.alertHint': 'Jeder Import wird mit dieser Suche geprüft; neue Treffer werden markiert.',
  'saved.newCount': { one: '{count} neu seit dem letzten Blick', other: '{count} neu seit dem letzten Blick' },
  'saved.noneNew': 'Nichts Neues seit dem letzten Blick.',
  'saved.new': 'Neu',
  'saved.delete': 'Gespeicherte Suche löschen',
  'saved.editInSearch': 'In der Suche öffnen',
  'saved.loading': 'Gespeicherte Suche läuft…',
  'saved.notFound': 'Diese gespeicherte Suche gibt es nicht mehr.',
  'saved.query': 'Suchanfrage: {query}',
  'facets.label': 'Ergebnisse eingrenzen',
  'facets.outlet': 'Medium',
  'facets.language': 'Sprache',
  'facets.theme': 'Thema',
  'facets.month': 'Monat',
  'facets.add': 'Filter {filter} hinzufügen',
  'search.badQuery': 'Diese Suche ist so noch nicht lesbar: {message}',
  'search.strict': 'Umlaute exakt (dröge ≠ Droge)',
  'batch.title': 'Listensuche',
  'batch.summary': 'Treffer für eine Liste von Namen oder Begriffen zählen',
  'batch.textLabel': 'Namen oder Begriffe, einer pro Zeile',
  'batch.placeholder': 'Olaf Scholz\nKim Jong-un\nStreumunition',
  'batch.file': 'Eine .txt- oder .csv-Datei laden',
  'batch.run': 'Treffer zählen',
  'batch.running': 'Wird gezählt…',
  'batch.term': 'Begriff',
  'batch.count': 'Artikel',
  'batch.top': 'Suche',
  'batch.open': 'Nach {term} suchen',
  'batch.fromFile': 'Aus {name} (CSV: erste Spalte)',
  'batch.none': 'Die Liste enthält keine Begriffe: einen Namen oder Begriff pro Zeile.',
  'help.button': 'Suchhilfe',
  'help.title': 'So suchen Sie',
  'help.close': 'Hilfe schließen',
  'help.intro': 'Alle Wörter müssen vorkommen; deutsche und englische Formen, Umlaut-Schreibweisen, Komposita und weibliche Formen (Minister: Ministerin) werden gefunden.',
  'help.words': 'Artikel mit beiden Wörtern (beliebige Reihenfolge)',
  'help.phrase': 'genau diese Wortgruppe',
  'help.or': 'eines der Wörter (auch OR)',
  'help.not': 'ohne dieses Wort (auch NICHT / NOT)',
  'help.group': 'mit Klammern gruppieren',
  'help.prefix': 'Wörter, die so beginnen',
  'help.fuzzy': 'Tippfehler tolerieren (~2: zwei)',
  'help.strict': 'Umlaut genau wie geschrieben',
  'help.fields': 'im Titel, in Ihren Notizen, in einem Medium, in einer Sprache',
  'help.dates': 'nach Datum: nach, vor, die letzten 7 Tage',
  'help.hasNote': 'nur Artikel mit Ihrer Notiz',
  'help.sort': 'neueste zuerst statt beste Treffer',
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
  'briefing.loading': 'Lage wird erstellt … Nach einem großen Import werden zuerst alle Artikel in Themen gruppiert; Suchen und Lesen geht währenddessen.',
  'common.untitled': 'Ohne Titel',
  'common.noDate': 'ohne Datum',
  'common.importedOn': 'importiert {date}',
  'common.dismiss': 'Schließen',
  'common.language': 'Sprache: {name}',
  'error.generic': 'Etwas ist schiefgegangen: {message}',
  'error.noBridge': 'Dossier erreicht seine Bibliothek nicht. Bitte die App neu starten.',
  // highlights, tags, notes view, export (issue 6)
  'nav.notes': 'Notizen',
  'hl.toolbar': 'Markierten Text hervorheben',
  'hl.color.yellow': 'Gelb',
  'hl.color.green': 'Grün',
  'hl.color.blue': 'Blau',
  'hl.color.pink': 'Rosa',
  'hl.make': 'In {color} hervorheben',
  'hl.selectFirst': 'Eine Textstelle auswählen, dann eine Farbe wählen.',
  'hl.title': 'Hervorhebungen',
  'hl.edit': 'Hervorhebung bearbeiten',
  'hl.comment': 'Kommentar zur Hervorhebung',
  'hl.colour': 'Farbe',
  'hl.save': 'Speichern',
  'hl.delete': 'Hervorhebung löschen',
  'hl.close': 'Schließen',
  'hl.detached': 'Abgelöste Hervorhebungen',
  'hl.detachedHint': 'Der Text hat sich geändert, diese Stellen wurden nicht wiedergefunden. Nichts geht verloren: Zitate und Kommentare bleiben hier.',
  'hl.count': { one: '{count} Hervorhebung', other: '{count} Hervorhebungen' },
  'hl.open': 'Hervorhebung: {quote}',
  'tags.title': 'Schlagwörter',
  'tags.add': 'Schlagwort hinzufügen',
  'tags.remove': 'Schlagwort {tag} entfernen',
  'tags.none': 'Noch keine Schlagwörter.',
  'tags.fromNote': 'Aus einem #Hashtag in Ihrer Notiz',
  'export.title': 'Exportieren',
  'export.as': 'Diesen Artikel als {format} exportieren',
  'export.done': '{name} gespeichert',
  'notes.title': 'Notizen und Hervorhebungen',
  'notes.search': 'Notizen durchsuchen',
  'notes.searchHint': 'Dieselbe Suchsprache wie in der Suche, z. B. note:quelle, tag:ukraine, "genaue Wörter"',
  'notes.tag': 'Schlagwort',
  'notes.allTags': 'Alle Schlagwörter',
  'notes.from': 'Geändert seit',
  'notes.to': 'Geändert bis',
  'notes.empty': 'Noch keine Notizen oder Hervorhebungen. Text in einem Artikel auswählen, um ihn hervorzuheben, oder daneben eine Notiz schreiben.',
  'notes.noMatch': 'Nichts passt zu diesen Filtern.',
  'notes.count': { one: '{count} kommentierter Artikel', other: '{count} kommentierte Artikel' },
  'notes.exportAll': 'Alles als {format} exportieren',
  'notes.note': 'Notiz',
  'note.restored': 'Nicht gespeicherter Text der letzten Sitzung wiederhergestellt; er wird jetzt gespeichert.',
  // Themes & briefing (issue 5)
  ...briefingDe,
  // notes on themes and briefings, theme export, updated imports (issue 6)
  ...notesDe,
  // search: index rebuild notice, query parser messages (issue 4)
  ...searchDe,
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

/**
 * A malformed query's message in the UI's language: the parser's reason code and params looked up as
 * 'queryError.<reason>'; an error without a known reason keeps the main process's (English) message.
 */
export function queryErrorMessage(locale: Locale, error: { message: string; details?: unknown }): string {
  const d = error.details as { reason?: unknown; params?: unknown } | undefined;
  const key = `queryError.${String(d?.reason)}`;
  if (typeof d?.reason !== 'string' || !(key in messages[locale])) return error.message;
  const params = typeof d.params === 'object' && d.params !== null ? d.params as Params : {};
  return translate(locale, key as MessageKey, params);
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

// dates and numbers per UI locale (issue 7): a facet month ("2026-11") as "November 2026" / "November 2026".
/** A calendar month "YYYY-MM" in words; anything else stays as it came. */
export function formatMonth(locale: Locale, month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(new Date(Number(m[1]), Number(m[2]) - 1, 1));
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
