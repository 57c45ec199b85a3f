// The notes view: every annotated article (note, highlights, tags), filtered by query, tag and date, plus
// exporting them all. Requests are sequenced so a slow older answer never replaces a newer one.
import { call, toErrorData } from './api.ts';
import { mimeOf, offerDownload } from './download.ts';
import type { AnnotatedArticle } from '../../electron/api.ts';

class NotesViewState {
  q = $state('');
  tag = $state('');
  from = $state('');
  to = $state('');
  items = $state.raw<AnnotatedArticle[]>([]);
  tags = $state.raw<Array<{ tag: string; count: number }>>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state.raw<{ code: string; message: string } | null>(null);
  exported = $state<string | null>(null);
  private seq = 0;

  get filtered(): boolean {
    return this.q.trim() !== '' || this.tag !== '' || this.from !== '' || this.to !== '';
  }

  async refresh(): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const [items, tags] = await Promise.all([
        call('annotations.list', {
          ...(this.q.trim() ? { q: this.q.trim() } : {}), ...(this.tag ? { tag: this.tag } : {}),
          ...(this.from ? { from: this.from } : {}),
          // "until" a day includes that whole day.
          ...(this.to ? { to: `${this.to}T23:59:59.999Z` } : {}),
        }),
        call('tags.list', {}),
      ]);
      if (seq !== this.seq) return;
      this.items = items;
      this.tags = tags;
      this.error = null;
    } catch (e) {
      if (seq === this.seq) this.error = toErrorData(e);
    } finally {
      if (seq === this.seq) {
        this.loading = false;
        this.loaded = true;
      }
    }
  }

  async exportAll(format: 'markdown' | 'html' | 'json'): Promise<void> {
    try {
      const f = await call('export.render', { format });
      offerDownload(f.fileName, f.content, mimeOf[format]);
      this.exported = f.fileName;
    } catch (e) {
      this.error = toErrorData(e);
    }
  }
}

export const notesView = new NotesViewState();
