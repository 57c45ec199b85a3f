// Saved searches and their alerts: the sidebar list with unseen counts, saving the standing query,
// and one opened saved search (its matches, new ones flagged; opening marks them seen).
import { call, toErrorData } from './api.ts';
import type { SavedSearch, SavedSearchMatches } from '../../electron/api.ts';

class SavedSearchesState {
  list = $state.raw<SavedSearch[]>([]);
  /** The saved search on screen, as it was when opened (its new matches stay flagged while it is shown). */
  opened = $state.raw<SavedSearchMatches | null>(null);
  loading = $state(false);
  error = $state.raw<{ code: string; message: string } | null>(null);
  private seq = 0;

  /** Total unseen matches over all saved searches. */
  get unseen(): number {
    return this.list.reduce((n, s) => n + s.unseen, 0);
  }

  async refresh(): Promise<void> {
    try {
      this.list = await call('savedSearches.list', {});
    } catch (e) {
      this.error = toErrorData(e);
    }
  }

  /** Saves a query; a malformed one is refused with the parser's message (shown by the caller). */
  async save(name: string, query: string, strictUmlauts: boolean): Promise<SavedSearch> {
    const saved = await call('savedSearches.save', { name, query, strictUmlauts });
    await this.refresh();
    return saved;
  }

  async remove(id: number): Promise<void> {
    try {
      await call('savedSearches.delete', { id });
      if (this.opened?.search.id === id) this.opened = null;
      await this.refresh();
    } catch (e) {
      this.error = toErrorData(e);
    }
  }

  /** Runs a saved search; its new matches are then marked seen (the badge clears, the flags stay on screen). */
  async open(id: number): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const matches = await call('savedSearches.matches', { id });
      if (seq !== this.seq) return;
      this.opened = matches;
      this.error = null;
      if (matches.search.unseen > 0) {
        await call('savedSearches.markSeen', { id });
        await this.refresh();
      }
    } catch (e) {
      if (seq === this.seq) this.error = toErrorData(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  dismissError(): void {
    this.error = null;
  }
}

export const savedSearches = new SavedSearchesState();
