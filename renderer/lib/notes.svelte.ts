// The note of the article being read: edits, autosave after a short pause and on blur, save status.
// Saves are serialized so an older body can never land after a newer one.
import { call, toErrorData } from './api.ts';
import { library } from './library.svelte.ts';
import type { Note } from '../../electron/api.ts';

const AUTOSAVE_MS = 700;

export type NoteStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

class NotesState {
  articleId = $state<number | null>(null);
  body = $state('');
  status = $state<NoteStatus>('idle');
  savedAt = $state.raw<Date | null>(null);
  error = $state.raw<{ code: string; message: string } | null>(null);
  private savedBody = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();

  /** Shows the note of another article; unsaved text of the previous one is saved first. */
  open(articleId: number, note: Note | null): void {
    void this.flush();
    this.articleId = articleId;
    this.body = note?.body ?? '';
    this.savedBody = this.body;
    this.savedAt = note ? new Date(note.updatedAt) : null;
    this.status = note ? 'saved' : 'idle';
    this.error = null;
  }

  edit(body: string): void {
    this.body = body;
    clearTimeout(this.timer);
    if (body === this.savedBody) {
      this.status = this.savedAt ? 'saved' : 'idle';
      return;
    }
    this.status = 'dirty';
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Saves now if anything changed (blur, leaving the article, closing the window). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    const articleId = this.articleId;
    const body = this.body;
    if (articleId === null || body === this.savedBody) return this.queue;
    this.savedBody = body;
    this.status = 'saving';
    this.queue = this.queue.then(() => this.save(articleId, body));
    return this.queue;
  }

  private async save(articleId: number, body: string): Promise<void> {
    try {
      const note = await call('notes.save', { articleId, body });
      library.markNote(articleId, body.trim() !== '');
      if (articleId !== this.articleId) return;
      // An emptied note is deleted (null): it is still "saved", as of now.
      this.savedAt = note ? new Date(note.updatedAt) : new Date();
      this.error = null;
      if (this.body === body) this.status = 'saved';
    } catch (e) {
      if (articleId !== this.articleId) return;
      // Forget what we believed saved so the next edit or blur retries.
      this.savedBody = '\u0000unsaved';
      this.error = toErrorData(e);
      this.status = 'error';
    }
  }
}

export const notes = new NotesState();
