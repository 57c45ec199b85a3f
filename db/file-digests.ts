// The file_digests table: imported files by the SHA-256 of their raw bytes, each with the article it gave and that
// article's text hash at the time. Lets an import recognise a file dropped again unchanged before parsing it.
import type { Db } from './open.ts';
import { prepared } from './statements.ts';

/** A file's raw bytes, as the import records them. */
export interface FileDigest {
  sha256: string;
  size: number;
  /** The version of the readers that read it (see READERS_VERSION in electron/import/file-digest.ts). */
  readers: number;
}

/** A recorded file whose article is still the one it gave (same id, same text hash). */
export interface KnownFile {
  sha256: string;
  articleId: number;
  contentHash: string;
  /** The title read from the file (the outcome's title; the article's own title may differ). */
  title: string;
}

/** The sizes of the recorded files, each once (from the size index alone: a filter on readers would read every row). */
export function recordedSizes(db: Db): number[] {
  return prepared(db, 'SELECT DISTINCT size FROM file_digests').pluck().all() as number[];
}

/**
 * Recorded files of exactly this size, read by these readers, whose article still has the recorded text: usually
 * none.
 */
export function knownFilesOfSize(db: Db, size: number, readers: number): KnownFile[] {
  return prepared(db, `SELECT d.sha256, d.article_id AS articleId, d.content_hash AS contentHash, d.title
      FROM file_digests d JOIN articles a ON a.id = d.article_id AND a.content_hash = d.content_hash
      WHERE d.size = ? AND d.readers = ?`).all(size, readers) as KnownFile[];
}

/** The article a known file gave, if it still has the recorded text (it may have been replaced since it was found). */
export function stillKnown(db: Db, known: KnownFile): { id: number; title: string } | null {
  return (prepared(db, 'SELECT id, title FROM articles WHERE id = ? AND content_hash = ?').get(known.articleId, known.contentHash) as
    { id: number; title: string } | undefined) ?? null;
}

/** Records (or moves to a new article) the file that gave `articleId` with text hash `contentHash`. Inside the batch's transaction. */
export function recordFileDigest(db: Db, file: FileDigest, articleId: number, contentHash: string, title: string): void {
  prepared(db, `INSERT INTO file_digests (sha256, size, readers, article_id, content_hash, title) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (sha256) DO UPDATE SET size = excluded.size, readers = excluded.readers, article_id = excluded.article_id,
        content_hash = excluded.content_hash, title = excluded.title`).run(file.sha256, file.size, file.readers, articleId, contentHash, title);
}
