// The article change log: what the derived search index must catch up on after its last saved change id.
import type { Db } from './open.ts';
import { prepared } from './statements.ts';

export type ChangeKind = 'upsert' | 'delete';

export function logChange(db: Db, articleId: number, kind: ChangeKind): void {
  prepared(db, 'INSERT INTO article_changes (article_id, kind) VALUES (?, ?)').run(articleId, kind);
}

export function lastChangeId(db: Db): number {
  return (prepared(db, 'SELECT coalesce(max(id), 0) AS id FROM article_changes').get() as { id: number }).id;
}

/** Article ids changed after `afterId`, each once, with the id of its newest change. */
export function changesSince(db: Db, afterId: number): Array<{ articleId: number; lastId: number }> {
  return (prepared(db, `SELECT article_id AS articleId, max(id) AS lastId FROM article_changes
      WHERE id > ? GROUP BY article_id ORDER BY lastId`).all(afterId)) as Array<{ articleId: number; lastId: number }>;
}
