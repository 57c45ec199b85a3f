// What every importer must do with any input: answer (no throw), and per item either an article with text
// or a failure with an import/ code and a message a journalist can read (no stack, no "undefined").
import { parseFile, type ParsedItem } from '../../electron/import/parse-file.ts';

export function problemsWith(items: ParsedItem[] | undefined, thrown?: unknown): string[] {
  if (thrown !== undefined) return [`parseFile threw: ${(thrown as Error)?.stack ?? String(thrown)}`];
  if (!Array.isArray(items) || items.length === 0) return ['no outcome at all'];
  const out: string[] = [];
  for (const it of items) {
    if ('draft' in it) {
      if (typeof it.draft.text !== 'string' || it.draft.text.trim() === '') out.push(`${it.name}: imported with empty text`);
      if (typeof it.draft.title !== 'string' || it.draft.title.trim() === '') out.push(`${it.name}: imported without a title`);
      continue;
    }
    const { code, message } = it.error ?? {};
    if (typeof code !== 'string' || !/^import\/[a-z-]+$/.test(code)) out.push(`${it.name}: bad code ${String(code)}`);
    if (typeof message !== 'string' || message.trim().length < 10) out.push(`${it.name}: message too short: ${String(message)}`);
    else if (/\bundefined\b|\bnull\b|\[object Object\]|\n\s+at |NaN/.test(message)) out.push(`${it.name}: unreadable message: ${message}`);
    else if (message.length > 2000) out.push(`${it.name}: message of ${message.length} characters`);
  }
  return out;
}

/** Parses one fuzz case the way an import does and returns what is wrong with the outcome (empty: fine). */
export async function problemsOfCase(c: { name: string; bytes: Uint8Array }): Promise<string[]> {
  let items: ParsedItem[] | undefined;
  let thrown: unknown;
  try {
    items = await parseFile({ name: c.name, bytes: c.bytes });
  } catch (e) {
    thrown = e ?? 'undefined';
  }
  return problemsWith(items, thrown);
}
