// The notes view: every annotated article (note, highlights, tags), filtered by query, tag and date, plus
// exporting them all. Theme and briefing notes (issue 6) are listed too, and everything can be narrowed to one theme. Requests are sequenced so a slow older answer never replaces a newer one.
import { call, toErrorData } from './api.ts';
import { mimeOf, offerDownload } from './download.ts';
import type { AnnotatedArticle, ListedTargetNote, ThemeSummary } from '../../electron/api.ts';

class NotesViewState {
  q = $state('');
  tag = $state('');
  from = $state('');
  to = $state('');
  /** Only this theme's note and the annotations of its articles. */
  themeId = $state('');
  items = $state.raw<AnnotatedArticle[]>([]);
  tags = $state.raw<Array<{ tag: string; count: number }>>([]);
  targetNotes = $state.raw<ListedTargetNote[]>([]);
  /** Themes to filter by: the library's themes, plus themes that are gone but have a note. */
  themeChoices = $state.raw<Array<{ id: string; label: string; gone: boolean }>>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state.raw<{ code: string; message: string } | null>(null);
  exported = $state<string | null>(null);
  private seq = 0;

  get filtered(): boolean {
    return this.q.trim() !== '' || this.tag !== '' || this.from !== '' || this.to !== '' || this.themeId !== '';
  }

  async refresh(): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const filter = {
        ...(this.q.trim() ? { q: this.q.trim() } : {}), ...(this.tag ? { tag: this.tag } : {}),
        ...(this.from ? { from: this.from } : {}),
        // "until" a day includes that whole day.
        ...(this.to ? { to: `${this.to}T23:59:59.999Z` } : {}),
        ...(this.themeId ? { themeId: this.themeId } : {}),
      };
      const [items, tags, targetNotes, themes, allNotes] = await Promise.all([
        call('annotations.list', filter), call('tags.list', {}), call('targetNotes.list', filter),
        call('themes.list', {}), call('targetNotes.list', { kind: 'theme' }),
      ]);
      if (seq !== this.seq) return;
      this.items = items;
      this.tags = tags;
      this.targetNotes = targetNotes;
      this.themeChoices = themeChoices(themes, allNotes);
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

/** Themes with a note first, then the others by label; a gone theme with a note is listed under its saved label. */
function themeChoices(themes: ThemeSummary[], notes: ListedTargetNote[]): Array<{ id: string; label: string; gone: boolean }> {
  const noted = new Set(notes.map((n) => n.key));
  const live = themes.map((th) => ({ id: th.id, label: th.label, gone: false }));
  const gone = notes.filter((n) => n.currentLabel === null).map((n) => ({ id: n.key, label: n.label || n.key, gone: true }));
  return [...live, ...gone].sort((a, b) => Number(noted.has(b.id)) - Number(noted.has(a.id)) || a.label.localeCompare(b.label));
}

export const notesView = new NotesViewState();
