// Stores parsed articles: exact and near-duplicate checks, then insert — called inside one transaction per batch.
import type { Db } from '../../db/open.ts';
import { findByHash, getArticle, insertArticle, nearDuplicateCandidates, replaceArticle } from '../../db/articles.ts';
import { recordFileDigest } from '../../db/file-digests.ts';
import type { Article, ArticleDraft, ImportOutcome } from '../article.ts';
import { reanchorHighlights } from '../highlights/annotations.ts';
import { similarity, textKeys } from './fingerprint.ts';
import type { StoreItem } from './protocol.ts';

/** Above this estimated Jaccard similarity two texts are the same article (re-saved, re-formatted, lightly edited). */
export const NEAR_DUPLICATE_SIMILARITY = 0.85;

/** Decides the outcome of one parsed item and writes it. Must run inside a transaction. */
export function storeItem(db: Db, item: StoreItem, importedAt: string): ImportOutcome {
  if ('sameBytes' in item) return { file: item.name, status: 'duplicate', ...item.sameBytes };
  if ('error' in item) return { file: item.name, status: 'failed', error: item.error };
  const draft = item.draft;
  const { contentHash: hash, minhash: sig, bands, wordCount } = item.keys ?? textKeys(draft.text);
  // The file is recorded by its bytes when it is known to give the article with this text (see db/file-digests.ts):
  // dropped again unchanged, it is then a duplicate of that article without being parsed.
  const remember = (articleId: number) => { if (item.file) recordFileDigest(db, item.file, articleId, hash, draft.title); };
  const same = findByHash(db, hash);
  if (same) {
    remember(same.id);
    return { file: item.name, status: 'duplicate', duplicateOf: same, title: draft.title };
  }
  const near = nearDuplicateCandidates(db, bands)
    .map((c) => ({ c, s: similarity(sig, c.minhash) }))
    .filter((x) => x.s >= NEAR_DUPLICATE_SIMILARITY)
    .sort((a, b) => b.s - a.s)[0];
  if (near) {
    const stored = getArticle(db, near.c.id);
    if (stored && isNewerVersion(stored, draft)) {
      // Re-import of an edited article: same id, so its note, tags and highlights stay; the highlights are placed in
      // the new text (offsets stored, or detached with their quote when the passage is gone).
      const before = reanchorHighlights(db, stored.id, stored.text);
      replaceArticle(db, stored.id, { draft, contentHash: hash, wordCount, minhash: sig, bands });
      const after = reanchorHighlights(db, stored.id, draft.text);
      remember(stored.id);
      const wasDetached = new Set(before.filter((h) => h.detached).map((h) => h.id));
      return { file: item.name, status: 'updated', articleId: stored.id, title: draft.title, duplicateOf: { id: stored.id, title: stored.title },
        update: { textChanged: true, reattached: after.filter((h) => !h.detached).length,
          detached: after.filter((h) => h.detached && !wasDetached.has(h.id)).length } };
    }
    return { file: item.name, status: 'duplicate', duplicateOf: { id: near.c.id, title: near.c.title }, title: draft.title };
  }
  const id = insertArticle(db, { draft, contentHash: hash, wordCount, importedAt, minhash: sig, bands });
  remember(id);
  return { file: item.name, status: 'imported', articleId: id, title: draft.title };
}

const baseName = (fileName: string) => (fileName.split('/').at(-1) ?? fileName).toLowerCase();
const same = (a: string | null, b: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A near-duplicate is a newer version of the stored article (not agency copy in another outlet) when it comes from a
 * file of the same name, or has the same title and outlet, and is not dated before the stored one.
 */
export function isNewerVersion(stored: Article, draft: ArticleDraft): boolean {
  const sameSource = baseName(stored.fileName) === baseName(draft.fileName) || (same(stored.title, draft.title) && same(stored.outlet, draft.outlet));
  const older = !!stored.publishedAt && !!draft.publishedAt && draft.publishedAt < stored.publishedAt;
  return sameSource && !older;
}

/** Stores a batch atomically: either every item's outcome is committed, or none is. */
export function storeBatch(db: Db, items: StoreItem[], importedAt: string): ImportOutcome[] {
  return db.transaction(() => items.map((item) => storeItem(db, item, importedAt)))();
}
