// Loads the small bilingual fixture set (three topics, German and English) used across the themes tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../helpers.ts';
import type { ThemeInput } from '../../../electron/themes/index.ts';

export interface FixtureArticle extends ThemeInput { topic: string }

export function fixtureArticles(): FixtureArticle[] {
  const raw = JSON.parse(readFileSync(join(fixturesDir, 'themes/articles.json'), 'utf8')) as Array<Omit<FixtureArticle, 'importedAt'>>;
  return raw.map((a) => ({ ...a, importedAt: '2026-11-22T00:00:00Z' }));
}

export const topicOf = (articles: FixtureArticle[]) => (id: number): string => articles.find((a) => a.id === id)!.topic;
