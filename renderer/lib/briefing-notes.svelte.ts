// Notes in the briefing view (issue 6): the running note on the briefing's day, one note per theme (shown, or
// collapsed behind "Add note"), and exporting a theme. Each note is a NoteState: same autosave and crash-safe drafts
// as the article note.
import { call, toErrorData } from './api.ts';
import { mimeOf, offerDownload } from './download.ts';
import { NoteState, type NoteTarget } from './notes.svelte.ts';
import type { Briefing } from '../../electron/api.ts';

/** The day (local) a briefing ends on: the key of its running note, as the main process computes it too. */
export function briefingDay(b: Pick<Briefing, 'to'>): string {
  const d = new Date(b.to);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const themeTarget: NoteTarget = {
  draftKey: (id) => `dossier.noteDraft.theme.${id}`,
  save: (id, body) => call('targetNotes.save', { kind: 'theme', key: id, body }),
};
const briefingTarget: NoteTarget = {
  draftKey: (day) => `dossier.noteDraft.briefing.${day}`,
  save: (day, body) => call('targetNotes.save', { kind: 'briefing', key: day, body }),
};

export type ThemeExportChoice = 'markdown' | 'html' | 'pdf';

class BriefingNotesState {
  readonly briefing = new NoteState(briefingTarget);
  /** One note state per theme shown, created when its notes are loaded. */
  themes = $state.raw<Map<string, NoteState>>(new Map());
  /** Themes whose collapsed note the user opened. */
  expanded = $state.raw<Set<string>>(new Set());
  error = $state.raw<{ code: string; message: string } | null>(null);
  exported = $state<{ themeId: string; name: string } | null>(null);
  private seq = 0;

  /** Loads the briefing's note and the notes of its themes (keeping the states of themes still shown). */
  async load(b: Briefing): Promise<void> {
    const seq = ++this.seq;
    try {
      const [own, themeNotes] = await Promise.all([
        call('targetNotes.get', { kind: 'briefing', key: briefingDay(b) }),
        call('targetNotes.list', { kind: 'theme' }),
      ]);
      if (seq !== this.seq) return;
      if (this.briefing.target !== briefingDay(b) || this.briefing.status !== 'dirty') this.briefing.openTarget(briefingDay(b), own);
      const byId = new Map(themeNotes.map((n) => [n.key, n]));
      const next = new Map<string, NoteState>();
      for (const th of b.themes) {
        const kept = this.themes.get(th.id);
        if (kept) { next.set(th.id, kept); continue; }
        const s = new NoteState(themeTarget);
        s.openTarget(th.id, byId.get(th.id) ?? null);
        next.set(th.id, s);
      }
      for (const [id, s] of this.themes) if (!next.has(id)) s.dispose();
      this.themes = next;
      this.error = null;
    } catch (e) {
      if (seq === this.seq) this.error = toErrorData(e);
    }
  }

  /** Whether a theme's note editor is open: it has text, or the user asked to add one. */
  isOpen(themeId: string): boolean {
    const s = this.themes.get(themeId);
    return this.expanded.has(themeId) || (s !== undefined && s.body.trim() !== '');
  }

  toggle(themeId: string, open: boolean): void {
    const next = new Set(this.expanded);
    if (open) next.add(themeId); else next.delete(themeId);
    this.expanded = next;
  }

  /** Saves the theme as Markdown/HTML (a download) or, in the desktop app, as a PDF the user places. */
  async exportTheme(themeId: string, format: ThemeExportChoice): Promise<void> {
    try {
      await this.themes.get(themeId)?.flush(); // the export holds what was just typed
      if (format === 'pdf') {
        const file = await call('export.themePdf', { themeId });
        if (file) this.exported = { themeId, name: file };
        return;
      }
      const f = await call('export.theme', { themeId, format });
      offerDownload(f.fileName, f.content, mimeOf[format]);
      this.exported = { themeId, name: f.fileName };
      this.error = null;
    } catch (e) {
      this.error = toErrorData(e);
    }
  }
}

export const briefingNotes = new BriefingNotesState();
