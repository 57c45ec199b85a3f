// The articles table family: typed rows, conversion to the domain Article, and queries.
// Callers wrap writes in db.transaction(); every write also appends to article_changes (see changes.ts).
import type { Db } from './open.ts';
import { prepared } from './statements.ts';
import { logChange } from './changes.ts';
import type { Article, ArticleDraft, ArticleFormat, ArticleSummary, Section } from '../electron/article.ts';

export interface ArticleRow {
  id: number;
  content_hash: string;
  title: string;
  byline: string | null;
  outlet: string | null;
  published_at: string | null;
  imported_at: string;
  language: string;
  format: string;
  file_name: string;
  text: string;
  sections: string;
  cited_outlets: string;
  links: string;
  word_count: number;
}

export function fromRow(row: ArticleRow): Article {
  return {
    id: row.id,
    contentHash: row.content_hash,
    title: row.title,
    byline: row.byline,
    outlet: row.outlet,
    publishedAt: row.published_at,
    importedAt: row.imported_at,
    language: row.language,
    format: row.format as ArticleFormat,
    fileName: row.file_name,
    text: row.text,
    sections: JSON.parse(row.sections) as Section[],
    citedOutlets: JSON.parse(row.cited_outlets) as string[],
    links: JSON.parse(row.links) as string[],
    wordCount: row.word_count,
  };
}

export interface NewArticle {
  draft: ArticleDraft;
  contentHash: string;
  wordCount: number;
  importedAt: string;
  minhash: number[];
  bands: string[];
}

/**
 * One single-row statement per band, not one multi-row INSERT: a statement that writes several rows needs a
 * statement journal (for its foreign-key checks), which copies every page it touches first — in the random band
 * index that made the multi-row insert over twice as slow as 16 single rows.
 */
function insertBands(db: Db, id: number, bands: readonly string[]): void {
  const band = prepared(db, 'INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)');
  for (const b of bands) band.run(b, id);
}

/** Inserts an article with its near-duplicate bands and logs the change. Returns the new id. */
export function insertArticle(db: Db, a: NewArticle): number {
  const d = a.draft;
  const info = prepared(db, `INSERT INTO articles
      (content_hash, title, byline, outlet, published_at, imported_at, language, format, file_name, text,
       sections, cited_outlets, links, word_count, minhash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    a.contentHash, d.title, d.byline, d.outlet, d.publishedAt, a.importedAt, d.language, d.format, d.fileName,
    d.text, JSON.stringify(d.sections), JSON.stringify(d.citedOutlets), JSON.stringify(d.links), a.wordCount,
    Buffer.from(new Uint32Array(a.minhash).buffer),
  );
  const id = Number(info.lastInsertRowid);
  insertBands(db, id, a.bands);
  logChange(db, id, 'upsert');
  return id;
}

export function getArticle(db: Db, id: number): Article | null {
  const row = prepared(db, 'SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
  return row ? fromRow(row) : null;
}

/**
 * An article's text and the metadata read with it, without the signature blob and the JSON columns: what the
 * search index and the themes read of thousands of articles at a time.
 */
export type IndexedFields = Pick<Article, 'id' | 'title' | 'text' | 'outlet' | 'language' | 'publishedAt' | 'importedAt'>;

const TEXT_FIELDS = 'id, title, outlet, language, published_at AS publishedAt, imported_at AS importedAt';

/** The indexed fields of the given articles (those that exist), by id; one statement for the lot. */
export function indexedFieldsOf(db: Db, ids: readonly number[]): Map<number, IndexedFields> {
  const rows = prepared(db, `SELECT ${TEXT_FIELDS}, text FROM articles WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as IndexedFields[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function findByHash(db: Db, hash: string): { id: number; title: string } | null {
  return (prepared(db, 'SELECT id, title FROM articles WHERE content_hash = ?').get(hash) as
    { id: number; title: string } | undefined) ?? null;
}

/** Stored articles sharing at least one LSH band with the given keys, with their signatures. */
export function nearDuplicateCandidates(db: Db, bands: string[]): Array<{ id: number; title: string; minhash: number[] }> {
  if (bands.length === 0) return [];
  // Always 16 bands in practice, so the statement is prepared once per connection and band count.
  const rows = prepared(db, `SELECT DISTINCT a.id, a.title, a.minhash FROM article_bands b JOIN articles a ON a.id = b.article_id
      WHERE b.band IN (${bands.map(() => '?').join(',')})`).all(...bands) as
    Array<{ id: number; title: string; minhash: Buffer | null }>;
  return rows.filter((r) => r.minhash).map((r) => ({
    id: r.id,
    title: r.title,
    minhash: Array.from(new Uint32Array(r.minhash!.buffer, r.minhash!.byteOffset, r.minhash!.byteLength / 4)),
  }));
}

const SUMMARY_COLUMNS = `a.id, a.title, a.outlet, a.byline, a.published_at, a.imported_at, a.language, a.format,
  a.word_count, (n.article_id IS NOT NULL) AS has_note`;

interface SummaryRow {
  id: number; title: string; outlet: string | null; byline: string | null; published_at: string | null;
  imported_at: string; language: string; format: string; word_count: number; has_note: number;
}

function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id, title: r.title, outlet: r.outlet, byline: r.byline, publishedAt: r.published_at,
    importedAt: r.imported_at, language: r.language, format: r.format as ArticleFormat,
    wordCount: r.word_count, hasNote: r.has_note === 1,
  };
}

/** Newest first (published date, else import date). */
export function listArticles(db: Db, limit: number, offset: number): ArticleSummary[] {
  const rows = prepared(db, `SELECT ${SUMMARY_COLUMNS} FROM articles a LEFT JOIN notes n ON n.article_id = a.id
      ORDER BY coalesce(a.published_at, a.imported_at) DESC, a.id DESC LIMIT ? OFFSET ?`).all(limit, offset) as SummaryRow[];
  return rows.map(toSummary);
}

export function countArticles(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM articles').get() as { n: number }).n;
}

/** Articles dated (published, else imported) at or after `from` (all when null). */
export function articlesSince(db: Db, from: string | null): Article[] {
  const rows = (from === null
    ? prepared(db, 'SELECT * FROM articles').all()
    : prepared(db, 'SELECT * FROM articles WHERE coalesce(published_at, imported_at) >= ?').all(from)) as ArticleRow[];
  return rows.map(fromRow);
}

/**
 * Every article with only the first `chars` characters of its text: a full theme build analyses no more than
 * that, and at 100,000 articles whole texts (and the columns grouping never reads) would take gigabytes.
 */
export function articleLeads(db: Db, chars: number): IndexedFields[] {
  return prepared(db, `SELECT ${TEXT_FIELDS}, substr(text, 1, ?) AS text FROM articles`).all(chars) as IndexedFields[];
}

/**
 * Replaces a stored article's text and metadata by a newer version, keeping its id (so its note, highlights, tags
 * and theme stay); its near-duplicate bands follow the new text and the change is logged for the index.
 */
export function replaceArticle(db: Db, id: number, a: Omit<NewArticle, 'importedAt'>): void {
  const d = a.draft;
  prepared(db, `UPDATE articles SET content_hash = ?, title = ?, byline = ?, outlet = ?, published_at = ?, language = ?,
      format = ?, file_name = ?, text = ?, sections = ?, cited_outlets = ?, links = ?, word_count = ?, minhash = ? WHERE id = ?`).run(
    a.contentHash, d.title, d.byline, d.outlet, d.publishedAt, d.language, d.format, d.fileName, d.text,
    JSON.stringify(d.sections), JSON.stringify(d.citedOutlets), JSON.stringify(d.links), a.wordCount,
    Buffer.from(new Uint32Array(a.minhash).buffer), id,
  );
  prepared(db, 'DELETE FROM article_bands WHERE article_id = ?').run(id);
  insertBands(db, id, a.bands);
  logChange(db, id, 'upsert');
}
