// Why a file failed to import, in the UI's language. The import side words every failure in English (CLI, logs)
// and sends its reason and parts along (electron/import/failures.ts): German is built here from those. A part
// Dossier itself wrote (what kind of file, what is missing) is translated; a library's own technical detail
// stays as it came. A reason without a German wording keeps the English message.
import type { Locale } from './i18n.ts';

type Params = Record<string, string>;

const FORMATS_DE = 'Dossier importiert reinen Text, Markdown, Webseiten (HTML), PDF, Word (DOCX), OpenDocument-Text (ODT), '
  + 'E-Mails (.eml, .mbox), RSS-, Atom- und JSON-Feeds sowie .zip-Archive davon.';
const RESAVE_DE = 'Öffnen Sie die Datei in ihrem eigenen Programm und speichern Sie sie neu.';

/** The file kinds a damaged file "looks like" (fail.corrupt). */
const KINDS_DE: Record<string, string> = {
  'a ZIP archive': 'ein ZIP-Archiv',
  'a Word document': 'ein Word-Dokument',
  'a Word document (DOCX)': 'ein Word-Dokument (DOCX)',
  'an OpenDocument text': 'ein OpenDocument-Text',
  'an OpenDocument text (ODT)': 'ein OpenDocument-Text (ODT)',
  'a news feed': 'ein Newsfeed',
  'a JSON feed': 'ein JSON-Feed',
  'a PDF': 'ein PDF',
  'an e-mail': 'eine E-Mail',
  'a saved web page (MHTML)': 'eine gespeicherte Webseite (MHTML)',
};

/** What was empty (fail.noText). */
const EMPTY_PARTS_DE: Record<string, string> = {
  file: 'die Datei', document: 'das Dokument', 'feed entry': 'der Feed-Eintrag', archive: 'das Archiv',
  message: 'die Nachricht', mailbox: 'das Postfach', page: 'die Seite', PDF: 'das PDF',
};

/** What a file is instead of an article (fail.unsupported, including sniff.ts's binary formats). */
const UNSUPPORTED_DE: Record<string, string> = {
  'a ZIP64 archive (over 4 GB or 65,535 files)': 'ein ZIP64-Archiv (über 4 GB oder 65.535 Dateien)',
  'password-protected': 'passwortgeschützt',
  'password-protected inside its archive': 'in seinem Archiv passwortgeschützt',
  'compressed with a method Dossier cannot unpack': 'mit einem Verfahren gepackt, das Dossier nicht entpacken kann',
  'a password-protected PDF': 'ein passwortgeschütztes PDF',
  'an XML file but not a news feed (RSS or Atom)': 'eine XML-Datei, aber kein Newsfeed (RSS oder Atom)',
  'an e-book (EPUB)': 'ein E-Book (EPUB)',
  'a spreadsheet, presentation or drawing, not a text document': 'eine Tabelle, Präsentation oder Zeichnung, kein Textdokument',
  'an Excel or PowerPoint file, not a text document': 'eine Excel- oder PowerPoint-Datei, kein Textdokument',
  'a JSON data file, not an article or a JSON Feed': 'eine JSON-Datendatei, kein Artikel und kein JSON-Feed',
  'an XML data file, not an article or a news feed': 'eine XML-Datendatei, kein Artikel und kein Newsfeed',
  'a PNG image, not a text document': 'ein PNG-Bild, kein Textdokument',
  'a JPEG image, not a text document': 'ein JPEG-Bild, kein Textdokument',
  'a GIF image, not a text document': 'ein GIF-Bild, kein Textdokument',
  'a TIFF image (a scan?); run it through text recognition (OCR) and import the result':
    'ein TIFF-Bild (ein Scan?); lassen Sie eine Texterkennung (OCR) darüber laufen und importieren Sie das Ergebnis',
  'a WebP image, not a text document': 'ein WebP-Bild, kein Textdokument',
  'an audio or video file, not a text document': 'eine Audio- oder Videodatei, kein Textdokument',
  'an old-style Office document (.doc/.xls); save it as DOCX or PDF and import that':
    'ein Office-Dokument im alten Format (.doc/.xls); speichern Sie es als DOCX oder PDF und importieren Sie das',
  'a Rich Text (RTF) document; save it as DOCX or PDF and import that':
    'ein Rich-Text-Dokument (RTF); speichern Sie es als DOCX oder PDF und importieren Sie das',
  'a gzip archive; unpack it, or pack the files as .zip': 'ein gzip-Archiv; entpacken Sie es oder packen Sie die Dateien als .zip',
  'a 7-Zip archive; unpack it, or pack the files as .zip': 'ein 7-Zip-Archiv; entpacken Sie es oder packen Sie die Dateien als .zip',
  'a RAR archive; unpack it, or pack the files as .zip': 'ein RAR-Archiv; entpacken Sie es oder packen Sie die Dateien als .zip',
  'a database file, not a text document': 'eine Datenbankdatei, kein Textdokument',
  'a program, not a text document': 'ein Programm, kein Textdokument',
  'a PostScript file; print it to PDF and import that': 'eine PostScript-Datei; drucken Sie sie als PDF und importieren Sie das',
};

/** Details Dossier writes itself about a damaged file or a refused archive; anything else is a library's, kept. */
const DETAILS_DE: Array<[RegExp, string]> = [
  [/^the file is cut off or not a complete archive$/, 'die Datei ist abgeschnitten oder kein vollständiges Archiv'],
  [/^the file is cut off$/, 'die Datei ist abgeschnitten'],
  [/^its table of contents points outside the file$/, 'ihr Inhaltsverzeichnis zeigt über das Dateiende hinaus'],
  [/^its table of contents is damaged$/, 'ihr Inhaltsverzeichnis ist beschädigt'],
  [/^the entry (.+) is damaged$/, 'der Eintrag $1 ist beschädigt'],
  [/^(word\/document\.xml|content\.xml) is missing$/, '$1 fehlt'],
  [/^its XML breaks off or is malformed near line (\d+)$/, 'ihr XML bricht ab oder ist fehlerhaft (bei Zeile $1)'],
  [/^it has no "items" list$/, 'die Liste „items“ fehlt'],
  [/^it holds (\d+) files, more than the limit of (\d+)$/, 'es enthält $1 Dateien, mehr als die Grenze von $2'],
  [/^it would unpack to more than (\d+) MB$/, 'es würde entpackt mehr als $1 MB ergeben'],
  [/^(.+) unpacks to more than it claims or than the limit allows$/, '$1 wird beim Entpacken größer als angegeben oder erlaubt'],
  [/^it is an archive nested (\d+) levels deep inside other archives$/, 'es ist ein Archiv, $1 Ebenen tief in anderen Archiven verschachtelt'],
];

function detailDe(detail: string): string {
  for (const [re, de] of DETAILS_DE) if (re.test(detail)) return detail.replace(re, de);
  return detail;
}

/** German wording per reason; null where a part has no German form (the English message is kept then). */
const REASONS_DE: Record<string, (p: Params) => string | null> = {
  empty: (p) => `${p.name} ist leer; es gibt nichts zu importieren.`,
  noText: (p) => `${p.name} enthält keinen lesbaren Text (${EMPTY_PARTS_DE[p.what ?? 'file'] ?? 'die Datei'} ist leer); es gibt nichts zu importieren.`,
  noEntries: (p) => `${p.name} ist ein Feed ohne Einträge; es gibt nichts zu importieren.`,
  tooLarge: (p) => `${p.name} ist ${p.size} groß, mehr als die Grenze von ${p.max} für eine Datei; sie wurde nicht importiert.`,
  binary: (p) => `${p.name} enthält keinen lesbaren Text (es sieht nach Binärdaten aus, nicht nach einem Textdokument); die Datei wurde `
    + 'nicht importiert. Ist es ein Dokument, speichern Sie es als PDF, DOCX oder reinen Text und ziehen Sie es erneut herein.',
  unknownFormat: (p) => `${p.name} hat ein Format, das Dossier nicht lesen kann. ${FORMATS_DE}`,
  unsupported: (p) => {
    const what = UNSUPPORTED_DE[p.what ?? ''];
    return what ? `${p.name} ist ${what}. ${FORMATS_DE}` : null;
  },
  corrupt: (p) => {
    const kind = KINDS_DE[p.kind ?? ''];
    return kind ? `${p.name} sieht aus wie ${kind}, ist aber beschädigt oder unvollständig und konnte nicht gelesen werden. ${RESAVE_DE}` : null;
  },
  corruptDetail: (p) => {
    const kind = KINDS_DE[p.kind ?? ''];
    return kind ? `${p.name} sieht aus wie ${kind}, ist aber beschädigt oder unvollständig (${detailDe(p.detail ?? '')}) und konnte nicht `
      + `gelesen werden. ${RESAVE_DE}` : null;
  },
  scannedPdf: (p) => `${p.name} hat keine Textebene (ein gescanntes Bild?); es gibt keinen Text zu importieren. Lassen Sie zuerst eine `
    + 'Texterkennung (OCR) darüber laufen.',
  zipBomb: (p) => `${p.name} wurde nicht entpackt: ${detailDe(p.why ?? '')}. Dossier lehnt solche Archive zum Schutz Ihres Computers ab; `
    + 'entpacken Sie es selbst und ziehen Sie die Dateien herein.',
  noArticle: (p) => `${p.name} ist eine Webseite ohne Artikel, den Dossier finden konnte (nur Navigation, Skripte oder zu wenig Text); `
    + 'sie wurde nicht importiert.',
  encoding: (p) => `Die Zeichenkodierung von ${p.name} war nicht zu erkennen, die Buchstaben kämen verstümmelt heraus; speichern Sie `
    + 'die Datei als UTF-8-Text und versuchen Sie es erneut.',
  timeout: (p) => `Das Lesen von ${p.name} dauerte zu lange (über ${p.seconds?.replace('.', ',')} s); es wurde abgebrochen und die Datei `
    + 'nicht importiert, die anderen Dateien liefen weiter. Sie ist vielleicht beschädigt oder ungewöhnlich komplex: speichern Sie sie '
    + 'neu (etwa als PDF oder reinen Text).',
  readerFailed: (p) => `${p.name} wurde nicht importiert: Dossiers Dateileser ist nicht gestartet. Starten Sie Dossier neu und versuchen `
    + 'Sie es erneut.',
  crashed: (p) => `Das Lesen von ${p.name} hat den Dateileser angehalten (die Datei ist vielleicht beschädigt oder viel zu komplex); sie `
    + 'wurde nicht importiert, die anderen Dateien liefen weiter.',
  unreadable: (p) => `${p.name} konnte nicht von der Festplatte gelesen werden.`,
  missing: (p) => `${p.name} wurde nicht gefunden oder konnte nicht gelesen werden.`,
  folderUnreadable: (p) => `Der Ordner ${p.name} konnte nicht gelesen werden.`,
  internal: (p) => `${p.name} konnte nicht importiert werden: ${p.detail}`,
  damaged: (p) => `${p.name} konnte nicht gelesen werden; die Datei ist vielleicht beschädigt (${p.detail}).`,
};

/** The reasons the import side sends (see fail in electron/import/failures.ts), for tests. */
export const GERMAN_FAILURE_REASONS: readonly string[] = Object.keys(REASONS_DE);

/** A failed file's reason in the UI's language (the import side's English message where German has no wording). */
export function importFailureMessage(locale: Locale, error: { message: string; details?: unknown }): string {
  if (locale === 'en') return error.message;
  const d = error.details as { reason?: unknown; params?: unknown } | undefined;
  const word = typeof d?.reason === 'string' ? REASONS_DE[d.reason] : undefined;
  if (!word) return error.message;
  const params = typeof d!.params === 'object' && d!.params !== null ? d!.params as Params : {};
  return word(params) ?? error.message;
}
