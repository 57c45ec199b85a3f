// Reads a Dossier JSON export back into a library: articles it lacks are added (matched by content hash, so
// nothing is duplicated), and notes, highlights and tags are merged in without overwriting a word already there.
import type { Db } from '../../db/open.ts';
import { findByHash, getArticle, insertArticle } from '../../db/articles.ts';
import { getNote, saveNote } from '../../db/notes.ts';
import { highlightsOf, insertHighlight } from '../../db/highlights.ts';
import { articleTags, setArticleTags } from '../../db/tags.ts';
import { contentHash, lshBands, minhash } from '../import/fingerprint.ts';
import { wordCount } from '../import/normalize.ts';
import { placeAnchor } from '../highlights/anchor.ts';
import { HIGHLIGHT_COLORS, type Highlight } from '../article.ts';
import { DossierError } from '../errors.ts';
import type { Article, Note, TargetNote } from '../article.ts';
import { getTargetNote, saveTargetNote, themeArticleIds } from '../../db/target-notes.ts';
import { logChange } from '../../db/changes.ts';
import { EXPORT_FORMAT_VERSION } from './render.ts';

export interface ExportImportReport {
  articlesAdded: number;
  articlesMatched: number;
  notesAdded: number;
  notesMerged: number;
  highlightsAdded: number;
  tagsAdded: number;
  /** Theme and briefing notes (issue 6): added where missing, merged (appended) where different. */
  targetNotesAdded: number;
  targetNotesMerged: number;
}

interface ExportedItem { article: Article; note: Note | null; highlights?: Highlight[]; tags?: string[] }

function parseExport(json: string): { items: ExportedItem[]; notes: TargetNote[] } {
  let doc: unknown;
  try { doc = JSON.parse(json); } catch {
    throw new DossierError('export/not-json', 'This file is not a Dossier JSON export (it is not valid JSON).');
  }
  const d = doc as { format?: unknown; items?: unknown };
  if (d?.format !== EXPORT_FORMAT_VERSION || !Array.isArray(d.items)) {
    throw new DossierError('export/unknown-format', `This file is not a Dossier JSON export (expected format "${EXPORT_FORMAT_VERSION}").`);
  }
  const items = (d.items as ExportedItem[]).filter((i) => typeof i?.article?.text === 'string' && typeof i.article.title === 'string');
  const notes = (Array.isArray((doc as { notes?: unknown }).notes) ? (doc as { notes: TargetNote[] }).notes : [])
    .filter((n) => (n?.kind === 'theme' || n?.kind === 'briefing') && typeof n.key === 'string' && n.key.length > 0
      && n.key.length <= 100 && typeof n.body === 'string');
  return { items, notes };
}

/** Merges a Dossier JSON export into the library in one transaction; returns what changed. */
export function importExport(db: Db, json: string, now: string): { report: ExportImportReport; articleIds: number[] } {
  const { items, notes } = parseExport(json);
  const report: ExportImportReport = { articlesAdded: 0, articlesMatched: 0, notesAdded: 0, notesMerged: 0, highlightsAdded: 0, tagsAdded: 0,
    targetNotesAdded: 0, targetNotesMerged: 0 };
  const articleIds: number[] = [];
  db.transaction(() => {
    for (const item of items) {
      const id = findOrAddArticle(db, item.article, now, report);
      articleIds.push(id);
      mergeNote(db, id, item.note, report);
      mergeHighlights(db, id, item.highlights ?? [], report);
      const had = articleTags(db, id);
      const merged = setArticleTags(db, id, [...had, ...(item.tags ?? []).filter((t) => typeof t === 'string')]);
      report.tagsAdded += merged.length - had.length;
    }
    for (const n of notes) mergeTargetNote(db, n, now, report);
  })();
  return { report, articleIds };
}

function findOrAddArticle(db: Db, a: Article, now: string, report: ExportImportReport): number {
  const hash = contentHash(a.text);
  const existing = findByHash(db, hash);
  if (existing) { report.articlesMatched++; return existing.id; }
  const sig = minhash(a.text);
  report.articlesAdded++;
  return insertArticle(db, {
    draft: { title: a.title, byline: a.byline ?? null, outlet: a.outlet ?? null, publishedAt: a.publishedAt ?? null,
      language: a.language ?? 'und', format: a.format ?? 'text', fileName: a.fileName ?? 'dossier-export.json',
      text: a.text, sections: a.sections ?? [], citedOutlets: a.citedOutlets ?? [], links: a.links ?? [] },
    contentHash: hash, wordCount: wordCount(a.text), importedAt: a.importedAt ?? now, minhash: sig, bands: lshBands(sig),
  });
}

/** A note that differs from the one stored is appended below it, never written over it. */
function mergeNote(db: Db, id: number, note: Note | null, report: ExportImportReport): void {
  if (!note?.body?.trim()) return;
  const current = getNote(db, id);
  if (!current) {
    saveNote(db, id, note.body, note.updatedAt);
    report.notesAdded++;
  } else if (!current.body.includes(note.body.trim())) {
    saveNote(db, id, `${current.body.trimEnd()}\n\n---\n\n${note.body.trim()}`, current.updatedAt > note.updatedAt ? current.updatedAt : note.updatedAt);
    report.notesMerged++;
  }
}

/** Like an article note: a theme or briefing note that differs from the stored one is appended below it. */
function mergeTargetNote(db: Db, n: TargetNote, now: string, report: ExportImportReport): void {
  if (!n.body.trim()) return;
  const current = getTargetNote(db, n.kind, n.key);
  const label = typeof n.label === 'string' ? n.label.slice(0, 200) : '';
  const at = typeof n.updatedAt === 'string' ? n.updatedAt : now;
  if (!current) {
    saveTargetNote(db, n.kind, n.key, n.body, label, at);
    report.targetNotesAdded++;
  } else if (!current.body.includes(n.body.trim())) {
    saveTargetNote(db, n.kind, n.key, `${current.body.trimEnd()}\n\n---\n\n${n.body.trim()}`, label, current.updatedAt > at ? current.updatedAt : at);
    report.targetNotesMerged++;
  } else return;
  // A theme note is indexed on the theme's articles.
  if (n.kind === 'theme') for (const id of themeArticleIds(db, n.key)) logChange(db, id, 'upsert');
}

/** Highlights already present (same quote and context) are skipped; the others are placed in this library's text. */
function mergeHighlights(db: Db, id: number, highlights: Highlight[], report: ExportImportReport): void {
  const text = getArticle(db, id)!.text;
  const key = (h: Pick<Highlight, 'quote' | 'prefix' | 'suffix'>) => `${h.prefix}\u0000${h.quote}\u0000${h.suffix}`;
  const have = new Set(highlightsOf(db, id).map(key));
  for (const h of highlights) {
    if (typeof h?.quote !== 'string' || have.has(key(h))) continue;
    const anchor = { quote: h.quote, prefix: h.prefix ?? '', suffix: h.suffix ?? '', start: h.start ?? 0, end: h.end ?? 0 };
    const p = placeAnchor(text, anchor);
    insertHighlight(db, { ...anchor, start: p?.start ?? anchor.start, end: p?.end ?? anchor.end, detached: !p,
      articleId: id, color: HIGHLIGHT_COLORS.includes(h.color) ? h.color : 'yellow', comment: h.comment ?? '',
      createdAt: h.createdAt ?? new Date().toISOString(), updatedAt: h.updatedAt ?? new Date().toISOString() });
    have.add(key(h));
    report.highlightsAdded++;
  }
}
