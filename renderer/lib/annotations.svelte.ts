// The highlights and tags of the article in the reader: the current selection, adding, editing, deleting,
// tags, and exporting the article. Errors are kept for display; nothing here is lost on failure.
import { call, toErrorData } from './api.ts';
import { mimeOf, offerDownload } from './download.ts';
import type { ArticleDetail, Highlight, HighlightColor } from '../../electron/api.ts';

export const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];
export type ExportChoice = 'markdown' | 'html' | 'json' | 'pdf';

class AnnotationsState {
  articleId = $state<number | null>(null);
  highlights = $state.raw<Highlight[]>([]);
  tags = $state.raw<string[]>([]);
  noteTags = $state.raw<string[]>([]);
  /** The text selected in the reader, as offsets into the article text. */
  selection = $state.raw<{ start: number; end: number } | null>(null);
  /** The highlight being edited (clicked in the text). */
  selectedId = $state<number | null>(null);
  error = $state.raw<{ code: string; message: string } | null>(null);
  exported = $state<string | null>(null);

  selected = $derived(this.highlights.find((h) => h.id === this.selectedId) ?? null);
  detached = $derived(this.highlights.filter((h) => h.detached));

  load(detail: ArticleDetail): void {
    this.articleId = detail.article.id;
    this.highlights = detail.highlights;
    this.tags = detail.tags;
    this.noteTags = detail.noteTags;
    this.selection = null;
    this.selectedId = null;
    this.error = null;
    this.exported = null;
  }

  private async attempt<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      const v = await fn();
      this.error = null;
      return v;
    } catch (e) {
      this.error = toErrorData(e);
      return undefined;
    }
  }

  async add(color: HighlightColor): Promise<void> {
    const articleId = this.articleId, sel = this.selection;
    if (articleId === null || !sel) return;
    const h = await this.attempt(() => call('highlights.add', { articleId, ...sel, color }));
    if (!h || articleId !== this.articleId) return;
    this.highlights = [...this.highlights, h].sort((a, b) => a.start - b.start);
    this.selection = null;
    this.selectedId = h.id;
    window.getSelection()?.removeAllRanges();
  }

  async update(id: number, patch: { color?: HighlightColor; comment?: string }): Promise<void> {
    const h = await this.attempt(() => call('highlights.update', { id, ...patch }));
    if (h) this.highlights = this.highlights.map((x) => (x.id === id ? h : x));
  }

  async remove(id: number): Promise<void> {
    const ok = await this.attempt(() => call('highlights.delete', { id }));
    if (ok !== undefined) {
      this.highlights = this.highlights.filter((x) => x.id !== id);
      if (this.selectedId === id) this.selectedId = null;
    }
  }

  async setTags(tags: string[]): Promise<void> {
    const articleId = this.articleId;
    if (articleId === null) return;
    const next = await this.attempt(() => call('tags.set', { articleId, tags }));
    if (next && articleId === this.articleId) this.tags = next;
  }

  async exportArticle(format: ExportChoice): Promise<void> {
    const articleId = this.articleId;
    if (articleId === null) return;
    if (format === 'pdf') {
      const file = await this.attempt(() => call('export.pdf', { id: articleId }));
      if (file) this.exported = file;
      return;
    }
    const f = await this.attempt(() => call('export.render', { articleId, format }));
    if (!f) return;
    offerDownload(f.fileName, f.content, mimeOf[format]);
    this.exported = f.fileName;
  }
}

export const annotations = new AnnotationsState();
