// Live search: the query as typed, debounced calls, and the newest answer only; while the search index is
// rebuilt, its progress (pushed by main), and the standing query run again once it is ready.
import { call, on, toErrorData } from './api.ts';
import type { IndexStatus, SearchResult } from '../../electron/api.ts';
import { settings } from './settings.svelte.ts';

const DEBOUNCE_MS = 180;
const LIMIT = 50;

class SearchState {
  query = $state('');
  result = $state.raw<SearchResult | null>(null);
  searching = $state(false);
  /** `details` carries a malformed query's reason code and params, so the message is shown in the UI's language. */
  error = $state.raw<{ code: string; message: string; details?: unknown } | null>(null);
  /** Set while the index is not ready (from the last answer and from main's progress events). */
  index = $state.raw<IndexStatus | null>(null);
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Sets the query and searches after a short pause in typing. */
  type(query: string): void {
    this.query = query;
    clearTimeout(this.timer);
    if (!query.trim()) {
      this.seq += 1;
      this.result = null;
      this.error = null;
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
      const result = await call('articles.search', { q, limit: LIMIT, strictUmlauts: settings.strictUmlauts, facets: true, locale: settings.locale });
      if (seq !== this.seq) return;
      this.result = result;
      this.index = result.index ?? null;
      this.error = null;
    } catch (e) {
      if (seq !== this.seq) return;
      // A malformed query is not a failure: its message says how to fix it, shown under the box.
      this.error = { ...toErrorData(e), details: (e as { details?: unknown }).details };
      if (this.error.code === 'search/bad-query') this.result = null;
    } finally {
      if (seq === this.seq) this.searching = false;
    }
  }

  /** Adds a facet's filter to the query (outlet:"Spiegel", lang:de, a month's dates) and searches. */
  refine(filter: string): void {
    const q = this.query.trim();
    if (q.includes(filter)) return;
    // OR binds looser than the implicit AND: without parentheses the filter would apply to the last word only.
    const base = /(^|\s)(OR|ODER)(\s|$)|\|/.test(q) && !/^\(.*\)$/.test(q) ? `(${q})` : q;
    this.query = base ? `${base} ${filter}` : filter;
    void this.run();
  }

  /** Follows the index rebuild's progress; when it is ready, the standing query runs again. Returns the unsubscribe. */
  watchIndex(): () => void {
    return on('search.index', (status) => {
      const wasWaiting = this.index !== null || this.result?.index !== undefined;
      this.index = status.state === 'ready' ? null : status;
      if (status.state === 'ready' && wasWaiting && this.query.trim()) void this.run();
    });
  }

  dismissError(): void {
    this.error = null;
  }
}

export const search = new SearchState();
