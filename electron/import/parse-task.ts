// One file in a parse thread: size limit, reading the bytes, parsing. Always answers with items: a file that
// cannot be read or parsed becomes one failed item, so the batch goes on.
import { readFileSync } from 'node:fs';
import type { DossierError } from '../errors.ts';
import { fail } from './failures.ts';
import { fileDigest } from './file-digest.ts';
import { textKeys } from './fingerprint.ts';
import { preparePdfReader } from './formats/pdf.ts';
import { parseFile, type ParsedItem } from './parse-file.ts';
import type { KeyedItem, ParseAnswer, ParseTask } from './protocol.ts';
import { sniffBinary } from './sniff.ts';

const failed = (name: string, e: DossierError): ParsedItem[] => [{ name, error: e.toData() }];

/**
 * The article of a file that gave one article of its own: not a mailbox's, feed's or archive's items (named "x#2",
 * "a.zip/b.txt"), not a failure. Only such a file is recorded by its bytes: dropped again, it is known to give that article.
 */
function ownArticle(name: string, items: KeyedItem[]): KeyedItem | null {
  const only = items.length === 1 ? items[0]! : null;
  return only && 'draft' in only && only.name === name && only.draft.format !== 'feed' ? only : null;
}

/** `onStarted` marks the moment a PDF reader is loaded and its parse begins: its time limit counts from there. */
export async function runParseTask(task: ParseTask, onStarted: () => void = () => undefined): Promise<ParseAnswer> {
  const { name } = task;
  if (task.size > task.maxBytes) return failed(name, fail.tooLarge(name, task.size, task.maxBytes));
  let bytes: Uint8Array;
  try {
    // A plain Uint8Array, not a Buffer: some parsers (pdf.js) refuse Buffers.
    bytes = 'path' in task.source ? new Uint8Array(readFileSync(task.source.path)) : task.source.bytes;
  } catch {
    return failed(name, fail.unreadable(name));
  }
  // The bytes of a recorded file: not parsed (the import worker checks it against the stored article).
  const digest = task.recorded ? fileDigest(bytes) : undefined;
  if (digest && task.recorded!.includes(digest.sha256)) return { sameBytesAs: digest.sha256 };
  if (bytes.length <= task.maxBytes && sniffBinary(bytes).kind === 'pdf') {
    await preparePdfReader();
    // Only loading the reader can take long before the parse: other files keep the clock started at dispatch,
    // which saves a message per file (each one wakes the import thread).
    onStarted();
  }
  if (task.hangForTests) for (;;) { /* spins until the pool's time limit terminates this thread */ }
  try {
    const items: KeyedItem[] = await parseFile({ name, bytes }, { maxBytes: task.maxBytes });
    for (const item of items) if ('draft' in item) item.keys = textKeys(item.draft.text);
    const own = ownArticle(name, items);
    if (own) own.file = digest ?? fileDigest(bytes);
    return items;
  } catch (e) {
    // parseFile reports bad input as items; reaching here is a bug, but it must still fail this file alone.
    return failed(name, fail.internal(name, (e as Error).message));
  }
}
