// The note of the article being read: edits, autosave after a short pause and on blur, save status.
// Saves are serialized so an older body can never land after a newer one.
import { call, toErrorData } from './api.ts';
import { library } from './library.svelte.ts';
import type { Note } from '../../electron/api.ts';

const AUTOSAVE_MS = 700;

// Crash safety (issue 6): every keystroke is also written to localStorage at once, so text typed just before the
// renderer crashed or the window closed (before the debounced save ran) is restored and saved on the next open.
const draftKey = (articleId: number) => `dossier.noteDraft.${articleId}`;
interface Draft { body: string; at: number }

function readDraft(articleId: number): Draft | null {
  try {
    const d = JSON.parse(localStorage.getItem(draftKey(articleId)) ?? 'null') as Draft | null;
    return d && typeof d.body === 'string' && typeof d.at === 'number' ? d : null;
  } catch {
    return null;
  }
}

function writeDraft(articleId: number, body: string | null): void {
  try {
    if (body === null) localStorage.removeItem(draftKey(articleId));
    else localStorage.setItem(draftKey(articleId), JSON.stringify({ body, at: Date.now() } satisfies Draft));
  } catch {
    // Storage full or unavailable: the debounced save still runs.
  }
}

export type NoteStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

class NotesState {
  articleId = $state<number | null>(null);
  body = $state('');
  status = $state<NoteStatus>('idle');
  savedAt = $state.raw<Date | null>(null);
  error = $state.raw<{ code: string; message: string } | null>(null);
  /** True when the shown text came from an unsaved draft of an earlier session. */
  restored = $state(false);
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
    this.restored = false;
    // A draft newer than the stored note is text that never reached the library: bring it back and save it.
    const draft = readDraft(articleId);
    if (draft && draft.body !== this.body && (!note || draft.at > Date.parse(note.updatedAt))) {
      this.body = draft.body;
      this.restored = true;
      void this.flush();
    } else if (draft) {
      writeDraft(articleId, null);
    }
  }

  edit(body: string): void {
    this.body = body;
    if (this.articleId !== null) writeDraft(this.articleId, body);
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
      if (this.body === body) {
        this.status = 'saved';
        writeDraft(articleId, null);
      }
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
