// The tags table family: tags on a target (an article; theme/briefing keys reserved), normalized to lower case.
import type { Db } from './open.ts';
import { listsBy, prepared } from './statements.ts';
import { logChange } from './changes.ts';

export type TagTarget = 'article' | 'theme' | 'briefing';

/** A tag as stored: trimmed, lower case, inner spaces as hyphens, no leading '#'. Empty when nothing is left. */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/^#+/, '').toLowerCase().replace(/\s+/g, '-').slice(0, 64);
}

export function tagsOf(db: Db, kind: TagTarget, key: string): string[] {
  return prepared(db, 'SELECT tag FROM tags WHERE target_kind = ? AND target_key = ? ORDER BY tag').pluck().all(kind, key) as string[];
}

export function articleTags(db: Db, articleId: number): string[] {
  return tagsOf(db, 'article', String(articleId));
}

/** The tags of the given articles (those that have any), by article id, each list sorted. */
export function articleTagsOf(db: Db, articleIds: readonly number[]): Map<number, string[]> {
  const rows = prepared(db, `SELECT target_key, tag FROM tags WHERE target_kind = 'article'
      AND target_key IN (SELECT CAST(value AS TEXT) FROM json_each(?)) ORDER BY target_key, tag`)
    .all(JSON.stringify(articleIds)) as Array<{ target_key: string; tag: string }>;
  return listsBy(rows, (r) => Number(r.target_key), (r) => r.tag);
}

/** Replaces the tags of an article (one transaction with its change-log entry, so search sees them). */
export function setArticleTags(db: Db, articleId: number, tags: string[]): string[] {
  const clean = [...new Set(tags.map(normalizeTag).filter(Boolean))].sort();
  db.transaction(() => {
    prepared(db, "DELETE FROM tags WHERE target_kind = 'article' AND target_key = ?").run(String(articleId));
    const ins = prepared(db, "INSERT INTO tags (target_kind, target_key, tag) VALUES ('article', ?, ?)");
    for (const t of clean) ins.run(String(articleId), t);
    logChange(db, articleId, 'upsert');
  })();
  return clean;
}

/** `#hashtags` written in a note's Markdown: the note's own tags (Obsidian writes them the same way). */
export function noteTags(body: string): string[] {
  const out = new Set<string>();
  for (const m of body.matchAll(/(?:^|[\s(])#([\p{L}\p{N}][\p{L}\p{N}_/-]*)/gu)) out.add(normalizeTag(m[1]!));
  return [...out].sort();
}
