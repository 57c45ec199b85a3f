// A note being edited: edits, autosave after a short pause and on blur, save status, crash-safe drafts.
// Saves are serialized so an older body can never land after a newer one. One class serves the article note
// (`notes`), and the notes on a theme and on a briefing (issue 6), each with its own target and save call.
import { call, toErrorData } from './api.ts';
import { library } from './library.svelte.ts';

const AUTOSAVE_MS = 700;

// Crash safety (issue 6): every keystroke is also written to localStorage at once, so text typed just before the
// renderer crashed or the window closed (before the debounced save ran) is restored and saved on the next open.
interface Draft { body: string; at: number }

function readDraft(key: string): Draft | null {
  try {
    const d = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
    return d && typeof d.body === 'string' && typeof d.at === 'number' ? d : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, body: string | null): void {
  try {
    if (body === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify({ body, at: Date.now() } satisfies Draft));
  } catch {
    // Storage full or unavailable: the debounced save still runs.
  }
}

export type NoteStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

/** What a note state needs to know about its kind of target (article, theme, briefing). */
export interface NoteTarget {
  /** The localStorage key of a target's unsaved draft. */
  draftKey: (target: string) => string;
  /** Stores the body (empty deletes); answers the saved note, or null when deleted. */
  save: (target: string, body: string) => Promise<{ updatedAt: string } | null>;
  onSaved?: (target: string, body: string) => void;
}

/** Every live note state, so closing or hiding the window saves all of them. */
const open = new Set<NoteState>();

/** Saves every note with unsaved edits (window hidden or closing). */
export function flushAllNotes(): Promise<unknown> {
  return Promise.all([...open].map((n) => n.flush()));
}

export class NoteState {
  target = $state<string | null>(null);
  body = $state('');
  status = $state<NoteStatus>('idle');
  savedAt = $state.raw<Date | null>(null);
  error = $state.raw<{ code: string; message: string } | null>(null);
  /** True when the shown text came from an unsaved draft of an earlier session. */
  restored = $state(false);
  private savedBody = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly kind: NoteTarget) {
    open.add(this);
  }

  /** Stops tracking this state (its editor went away); unsaved text is saved first. */
  dispose(): void {
    void this.flush();
    open.delete(this);
  }

  /** Shows the note of another target; unsaved text of the previous one is saved first. */
  openTarget(target: string, note: { body: string; updatedAt: string } | null): void {
    void this.flush();
    this.target = target;
    this.body = note?.body ?? '';
    this.savedBody = this.body;
    this.savedAt = note ? new Date(note.updatedAt) : null;
    this.status = note ? 'saved' : 'idle';
    this.error = null;
    this.restored = false;
    // A draft newer than the stored note is text that never reached the library: bring it back and save it.
    const key = this.kind.draftKey(target);
    const draft = readDraft(key);
    if (draft && draft.body !== this.body && (!note || draft.at > Date.parse(note.updatedAt))) {
      this.body = draft.body;
      this.restored = true;
      void this.flush();
    } else if (draft) {
      writeDraft(key, null);
    }
  }

  edit(body: string): void {
    this.body = body;
    if (this.target !== null) writeDraft(this.kind.draftKey(this.target), body);
    clearTimeout(this.timer);
    if (body === this.savedBody) {
      this.status = this.savedAt ? 'saved' : 'idle';
      return;
    }
    this.status = 'dirty';
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Saves now if anything changed (blur, leaving the view, closing the window). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    const target = this.target;
    const body = this.body;
    if (target === null || body === this.savedBody) return this.queue;
    this.savedBody = body;
    this.status = 'saving';
    this.queue = this.queue.then(() => this.save(target, body));
    return this.queue;
  }

  private async save(target: string, body: string): Promise<void> {
    try {
      const note = await this.kind.save(target, body);
      this.kind.onSaved?.(target, body);
      if (target !== this.target) return;
      // An emptied note is deleted (null): it is still "saved", as of now.
      this.savedAt = note ? new Date(note.updatedAt) : new Date();
      this.error = null;
      if (this.body === body) {
        this.status = 'saved';
        writeDraft(this.kind.draftKey(target), null);
      }
    } catch (e) {
      if (target !== this.target) return;
      // Forget what we believed saved so the next edit or blur retries.
      this.savedBody = '\u0000unsaved';
      this.error = toErrorData(e);
      this.status = 'error';
    }
  }
}

/** The note of the article being read. */
class ArticleNoteState extends NoteState {
  constructor() {
    super({
      draftKey: (id) => `dossier.noteDraft.${id}`,
      save: (id, body) => call('notes.save', { articleId: Number(id), body }),
      onSaved: (id, body) => library.markNote(Number(id), body.trim() !== ''),
    });
  }

  get articleId(): number | null {
    return this.target === null ? null : Number(this.target);
  }

  open(articleId: number, note: { body: string; updatedAt: string } | null): void {
    this.openTarget(String(articleId), note);
  }
}

export const notes = new ArticleNoteState();
