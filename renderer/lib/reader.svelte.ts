// The article open in the reader, loaded by id with its note.
import { call, toErrorData } from './api.ts';
import { notes } from './notes.svelte.ts';
import { annotations } from './annotations.svelte.ts';
import type { ArticleDetail } from '../../electron/api.ts';

class ReaderState {
  id = $state<number | null>(null);
  detail = $state.raw<ArticleDetail | null>(null);
  loading = $state(false);
  error = $state.raw<{ code: string; message: string } | null>(null);
  private seq = 0;

  async open(id: number): Promise<void> {
    const seq = ++this.seq;
    this.id = id;
    this.loading = true;
    this.error = null;
    if (this.detail?.article.id !== id) this.detail = null;
    try {
      const detail = await call('articles.get', { id });
      if (seq !== this.seq) return;
      this.detail = detail;
      notes.open(id, detail.note);
      annotations.load(detail); // highlights and tags (issue 6)
    } catch (e) {
      if (seq === this.seq) {
        this.detail = null;
        this.error = toErrorData(e);
      }
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }
}

export const reader = new ReaderState();
