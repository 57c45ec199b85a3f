// Stores parsed articles: exact and near-duplicate checks, then insert — called inside one transaction per batch.
import type { Db } from '../../db/open.ts';
import { findByHash, insertArticle, nearDuplicateCandidates } from '../../db/articles.ts';
import type { ImportOutcome } from '../article.ts';
import type { ParsedItem } from './parse-file.ts';
import { fingerprint, lshBands, similarity } from './fingerprint.ts';
import { wordCount } from './normalize.ts';

/** Above this estimated Jaccard similarity two texts are the same article (re-saved, re-formatted, lightly edited). */
export const NEAR_DUPLICATE_SIMILARITY = 0.85;

/** Decides the outcome of one parsed item and writes it. Must run inside a transaction. */
export function storeItem(db: Db, item: ParsedItem, importedAt: string): ImportOutcome {
  if ('error' in item) return { file: item.name, status: 'failed', error: item.error };
  const draft = item.draft;
  const { contentHash: hash, minhash: sig } = fingerprint(draft.text);
  const same = findByHash(db, hash);
  if (same) return { file: item.name, status: 'duplicate', duplicateOf: same, title: draft.title };
  const bands = lshBands(sig);
  const near = nearDuplicateCandidates(db, bands)
    .map((c) => ({ c, s: similarity(sig, c.minhash) }))
    .filter((x) => x.s >= NEAR_DUPLICATE_SIMILARITY)
    .sort((a, b) => b.s - a.s)[0];
  if (near) {
    return { file: item.name, status: 'duplicate', duplicateOf: { id: near.c.id, title: near.c.title }, title: draft.title };
  }
  const id = insertArticle(db, { draft, contentHash: hash, wordCount: wordCount(draft.text), importedAt, minhash: sig, bands });
  return { file: item.name, status: 'imported', articleId: id, title: draft.title };
}

/** Stores a batch atomically: either every item's outcome is committed, or none is. */
export function storeBatch(db: Db, items: ParsedItem[], importedAt: string): ImportOutcome[] {
  return db.transaction(() => items.map((item) => storeItem(db, item, importedAt)))();
}
