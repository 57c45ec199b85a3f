// Every reason a file can fail to import, as DossierErrors with codes (`import/...`) and messages a
// journalist can act on. Parsers throw these; parse-file turns them into one failed item per file.
// The message is English (CLI, logs); `details` carries the reason and its parts, so the UI can say the same
// in the user's language (renderer/lib/i18n-import.ts).
import { DossierError } from '../errors.ts';

/** What the UI needs to word a failure itself: `importFail.<reason>` with these params. */
export interface FailureDetails {
  reason: string;
  params: Record<string, string>;
}

const failure = (code: string, message: string, reason: string, params: Record<string, string | undefined>) => {
  const defined: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) defined[k] = v;
  return new DossierError(code, message, { reason, params: defined } satisfies FailureDetails);
};

const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export const fail = {
  empty: (name: string) =>
    failure('import/empty', `${name} is empty; there is nothing to import.`, 'empty', { name }),
  noText: (name: string, what = 'file') =>
    failure('import/empty', `${name} contains no readable text (the ${what} is empty); there is nothing to import.`, 'noText', { name, what }),
  noEntries: (name: string) =>
    failure('import/empty', `${name} is a feed without any entries; there is nothing to import.`, 'noEntries', { name }),
  tooLarge: (name: string, size: number, max: number) =>
    failure('import/too-large', `${name} is ${mb(size)}, more than the ${mb(max)} limit for one file; it was not imported.`,
      'tooLarge', { name, size: mb(size), max: mb(max) }),
  binary: (name: string) =>
    failure('import/binary',
      `${name} does not contain readable text (it looks like binary data, not a text document); it was not imported. `
      + 'If it is a document, save it as PDF, DOCX or plain text and drop it again.', 'binary', { name }),
  unsupported: (name: string, what?: string) =>
    failure('import/unsupported',
      `${name} is ${what ?? 'in a format Dossier cannot read'}. Dossier imports plain text, Markdown, web pages (HTML), PDF, `
      + 'Word (DOCX), OpenDocument text (ODT), e-mails (.eml, .mbox), RSS/Atom/JSON feeds and .zip archives of these.',
      what ? 'unsupported' : 'unknownFormat', { name, what }),
  corrupt: (name: string, kind: string, detail?: string) =>
    failure('import/corrupt',
      `${name} looks like ${kind} but is damaged or incomplete${detail ? ` (${detail})` : ''}, so it could not be read. `
      + 'Try opening it in its own program and saving it again.', detail ? 'corruptDetail' : 'corrupt', { name, kind, detail }),
  scannedPdf: (name: string) =>
    failure('import/scanned-pdf',
      `${name} has no text layer (scanned image?); no text to import. Run it through text recognition (OCR) first.`, 'scannedPdf', { name }),
  zipBomb: (name: string, why: string) =>
    failure('import/zip-bomb',
      `${name} was not unpacked: ${why}. Dossier refuses archives like this to protect your computer; unpack it yourself and drop the files.`,
      'zipBomb', { name, why }),
  noArticle: (name: string) =>
    failure('import/no-article',
      `${name} is a web page without an article Dossier could find (only navigation, scripts or too little text); it was not imported.`,
      'noArticle', { name }),
  encoding: (name: string) =>
    failure('import/encoding',
      `The character encoding of ${name} could not be recognised, so its letters would come out garbled; save it as UTF-8 text and try again.`,
      'encoding', { name }),
  // import: per-file time limit
  timeout: (name: string, seconds: number) =>
    failure('import/timeout',
      `${name} took too long to read (over ${seconds} s), so it was stopped and not imported; the other files went on. `
      + 'It may be damaged or unusually complex: try saving it again (for example as PDF or plain text).', 'timeout', { name, seconds: String(seconds) }),
  readerFailed: (name: string) =>
    failure('import/internal', `${name} was not imported: Dossier's file reader did not start. Restart Dossier and try again.`, 'readerFailed', { name }),
  crashed: (name: string) =>
    failure('import/crashed',
      `Reading ${name} stopped the file reader (it may be damaged or far too complex); it was not imported, the other files went on.`,
      'crashed', { name }),
  unreadable: (name: string) =>
    failure('import/unreadable', `${name} could not be read from disk.`, 'unreadable', { name }),
  missing: (name: string) =>
    failure('import/unreadable', `${name} could not be found or read.`, 'missing', { name }),
  folderUnreadable: (name: string) =>
    failure('import/unreadable', `The folder ${name} could not be read.`, 'folderUnreadable', { name }),
  internal: (name: string, detail: string) =>
    failure('import/internal', `${name} could not be imported: ${detail}`, 'internal', { name, detail }),
  damaged: (name: string, detail: string) =>
    failure('import/corrupt', `${name} could not be read; it may be damaged (${detail}).`, 'damaged', { name, detail }),
};
