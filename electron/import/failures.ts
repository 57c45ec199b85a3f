// Every reason a file can fail to import, as DossierErrors with codes (`import/...`) and messages a
// journalist can act on. Parsers throw these; parse-file turns them into one failed item per file.
import { DossierError } from '../errors.ts';

const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export const fail = {
  empty: (name: string) =>
    new DossierError('import/empty', `${name} is empty; there is nothing to import.`),
  noText: (name: string, what = 'file') =>
    new DossierError('import/empty', `${name} contains no readable text (the ${what} is empty); there is nothing to import.`),
  noEntries: (name: string) =>
    new DossierError('import/empty', `${name} is a feed without any entries; there is nothing to import.`),
  tooLarge: (name: string, size: number, max: number) =>
    new DossierError('import/too-large', `${name} is ${mb(size)}, more than the ${mb(max)} limit for one file; it was not imported.`),
  binary: (name: string) =>
    new DossierError('import/binary',
      `${name} does not contain readable text (it looks like binary data, not a text document); it was not imported. `
      + 'If it is a document, save it as PDF, DOCX or plain text and drop it again.'),
  unsupported: (name: string, what?: string) =>
    new DossierError('import/unsupported',
      `${name} is ${what ?? 'in a format Dossier cannot read'}. Dossier imports plain text, Markdown, web pages (HTML), PDF, `
      + 'Word (DOCX), OpenDocument text (ODT), e-mails (.eml, .mbox), RSS/Atom/JSON feeds and .zip archives of these.'),
  corrupt: (name: string, kind: string, detail?: string) =>
    new DossierError('import/corrupt',
      `${name} looks like ${kind} but is damaged or incomplete${detail ? ` (${detail})` : ''}, so it could not be read. `
      + 'Try opening it in its own program and saving it again.'),
  scannedPdf: (name: string) =>
    new DossierError('import/scanned-pdf',
      `${name} has no text layer (scanned image?); no text to import. Run it through text recognition (OCR) first.`),
  zipBomb: (name: string, why: string) =>
    new DossierError('import/zip-bomb',
      `${name} was not unpacked: ${why}. Dossier refuses archives like this to protect your computer; unpack it yourself and drop the files.`),
  noArticle: (name: string) =>
    new DossierError('import/no-article',
      `${name} is a web page without an article Dossier could find (only navigation, scripts or too little text); it was not imported.`),
  encoding: (name: string) =>
    new DossierError('import/encoding',
      `The character encoding of ${name} could not be recognised, so its letters would come out garbled; save it as UTF-8 text and try again.`),
  // import: per-file time limit
  timeout: (name: string, seconds: number) =>
    new DossierError('import/timeout',
      `${name} took too long to read (over ${seconds} s), so it was stopped and not imported; the other files went on. `
      + 'It may be damaged or unusually complex: try saving it again (for example as PDF or plain text).'),
  readerFailed: (name: string) =>
    new DossierError('import/internal', `${name} was not imported: Dossier's file reader did not start. Restart Dossier and try again.`),
  crashed: (name: string) =>
    new DossierError('import/crashed',
      `Reading ${name} stopped the file reader (it may be damaged or far too complex); it was not imported, the other files went on.`),
};
