// The article list and library facts (counts, location) shown in the sidebar and Library view.
import { call, toErrorData } from './api.ts';
import type { ArticleSummary, LibraryInfo } from '../../electron/api.ts';

const LIST_LIMIT = 10_000;

/** Newest first by published date, falling back to import date (what the briefing uses too). */
export function sortNewestFirst(articles: ArticleSummary[]): ArticleSummary[] {
  const when = (a: ArticleSummary) => a.publishedAt ?? a.importedAt;
  return [...articles].sort((a, b) => when(b).localeCompare(when(a)) || b.id - a.id);
}

class LibraryState {
  articles = $state.raw<ArticleSummary[]>([]);
  info = $state.raw<LibraryInfo | null>(null);
  loaded = $state(false);
  error = $state.raw<{ code: string; message: string } | null>(null);
  private seq = 0;

  /** Reloads the list and counts; a slower earlier reload never overwrites a newer one. */
  async refresh(): Promise<void> {
    const seq = ++this.seq;
    try {
      const [articles, info] = await Promise.all([
        call('articles.list', { limit: LIST_LIMIT }),
        call('library.info', {}),
      ]);
      if (seq !== this.seq) return;
      this.articles = sortNewestFirst(articles);
      this.info = info;
      this.error = null;
    } catch (e) {
      if (seq === this.seq) this.error = toErrorData(e);
    } finally {
      if (seq === this.seq) this.loaded = true;
    }
  }

  /** Keeps the "has a note" mark in the list right after a note save, without a reload. */
  markNote(articleId: number, hasNote: boolean): void {
    if (!this.articles.some((a) => a.id === articleId && a.hasNote !== hasNote)) return;
    this.articles = this.articles.map((a) => (a.id === articleId ? { ...a, hasNote } : a));
  }

  dismissError(): void {
    this.error = null;
  }
}

export const library = new LibraryState();
