// The parse pool sends small files in groups: a file that hangs or whose thread dies fails alone, and the other files
// of its group (parsed but not yet answered, or not begun) are parsed again by another thread, in their order.
import { describe, expect, test } from 'vitest';
import { ParsePool } from '../../../electron/import/parse-pool.ts';
import type { KeyedItem, ParseAnswer } from '../../../electron/import/protocol.ts';
import { fileDigest } from '../../../electron/import/file-digest.ts';
import { textKeys } from '../../../electron/import/fingerprint.ts';

const article = (i: number) => new TextEncoder().encode(`Meldung ${i}\n\nDer Stadtrat hat am Dienstag über den Haushalt ${i} beraten. `
  + 'Die Opposition kritisierte die geplanten Kürzungen bei Schulen und Bibliotheken scharf.');
const task = (i: number, hang = false) => ({ name: `f-${i}.txt`, source: { bytes: article(i) }, size: 200, maxBytes: 1 << 20, hangForTests: hang || undefined });
/** The items of answers to tasks given no recorded digests (so never a bytes match). */
const itemsOf = (answers: ParseAnswer[]): KeyedItem[][] => answers.map((a) => (Array.isArray(a) ? a : expect.fail(`${a.sameBytesAs}: no digest was recorded`)));
const summary = (items: KeyedItem[][]) => items.map((it) => ('draft' in it[0]! ? `${it[0].name} ok ${it[0].keys?.wordCount}` : `${it[0]!.name} ${it[0]!.error.code}`));

describe('the parse pool', () => {
  test('a file that hangs in the middle of a group fails alone; its group-mates are parsed', async () => {
    const pool = new ParsePool(1, 1500);
    const results = itemsOf(await Promise.all(Array.from({ length: 6 }, (_, i) => pool.parse(task(i, i === 2)))));
    await pool.dispose();
    // The keys come from the parse thread, exactly as the store would compute them.
    for (const [item] of results) if ('draft' in item!) expect(item.keys).toEqual(textKeys(item.draft.text));
    expect(summary(results)).toEqual(['f-0.txt ok 21', 'f-1.txt ok 21', 'f-2.txt import/timeout', 'f-3.txt ok 21', 'f-4.txt ok 21', 'f-5.txt ok 21']);
  }, 30_000);

  test('a thread that dies fails only the file it was on', async () => {
    const pool = new ParsePool(1, 600_000);
    const parses = Array.from({ length: 6 }, (_, i) => pool.parse(task(i, i === 3)));
    // Wait until the thread is on the hanging file, then kill it (as a crash in a library would).
    const slot = (pool as unknown as { slots: Array<{ progress: BigInt64Array; worker: { terminate(): Promise<number> } }> }).slots[0]!;
    while (Atomics.load(slot.progress, 0) !== 3n) await new Promise((r) => setTimeout(r, 20));
    void slot.worker.terminate();
    const results = itemsOf(await Promise.all(parses));
    await pool.dispose();
    expect(summary(results)).toEqual(['f-0.txt ok 21', 'f-1.txt ok 21', 'f-2.txt ok 21', 'f-3.txt import/crashed', 'f-4.txt ok 21', 'f-5.txt ok 21']);
  }, 30_000);

  test('a file with the bytes of a recorded digest is answered with that digest before it is parsed; other bytes are parsed', async () => {
    const pool = new ParsePool(1, 1500);
    const known = fileDigest(article(1)).sha256;
    // The hanging parser proves the match is answered without parsing; a file of other bytes is parsed (and times out).
    const [match, other] = await Promise.all([pool.parse({ ...task(1, true), recorded: ['0'.repeat(64), known] }),
      pool.parse({ ...task(2, true), recorded: [known] })]);
    const digestOfParsed = await pool.parse({ ...task(3), recorded: [known] });
    await pool.dispose();
    expect(match).toEqual({ sameBytesAs: known });
    expect(summary(itemsOf([other]))).toEqual(['f-2.txt import/timeout']);
    // The digest computed for the comparison is the one the store records with the article.
    expect(itemsOf([digestOfParsed])[0]![0]!.file).toEqual(fileDigest(article(3)));
  }, 30_000);

  test('a file given while the first thread is still starting waits for it: a one-file import starts one thread', async () => {
    const pool = new ParsePool(2, 30_000);
    const threads = () => (pool as unknown as { slots: unknown[] }).slots.length;
    pool.startThreads(1);
    const one = await pool.parse(task(1));
    expect(threads()).toBe(1);
    expect(summary(itemsOf([one]))).toEqual(['f-1.txt ok 21']);
    // Once the count of files is known, the pool starts up to its size for them.
    pool.startThreads(40);
    expect(threads()).toBe(2);
    await pool.dispose();
  }, 30_000);
});
