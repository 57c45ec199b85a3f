// Live search: the query as typed, debounced calls, and the newest answer only.
import { call, toErrorData } from './api.ts';
import type { SearchResult } from '../../electron/api.ts';

const DEBOUNCE_MS = 180;
const LIMIT = 50;

class SearchState {
  query = $state('');
  result = $state.raw<SearchResult | null>(null);
  searching = $state(false);
  error = $state.raw<{ code: string; message: string } | null>(null);
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Sets the query and searches after a short pause in typing. */
  type(query: string): void {
    this.query = query;
    clearTimeout(this.timer);
    if (!query.trim()) {
      this.seq += 1;
      this.result = null;
      this.searching = false;
      return;
    }
    this.searching = true;
    this.timer = setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  /** Searches now (Enter, or the library changed under a standing query). */
  async run(): Promise<void> {
    clearTimeout(this.timer);
    const q = this.query.trim();
    if (!q) return;
    const seq = ++this.seq;
    this.searching = true;
    try {
      const result = await call('articles.search', { q, limit: LIMIT });
      if (seq !== this.seq) return;
      this.result = result;
      this.error = null;
    } catch (e) {
      if (seq === this.seq) this.error = toErrorData(e);
    } finally {
      if (seq === this.seq) this.searching = false;
    }
  }

  dismissError(): void {
    this.error = null;
  }
}

export const search = new SearchState();
