// Notes on a theme and on a briefing for the Library (issue 6): saving them (a theme note is indexed on the theme's
// articles, so `note:` finds it), listing them for the notes view (a note whose theme is gone is kept, under its saved
// label), and assembling theme exports and the notes a briefing export includes.
import type { Db } from '../db/open.ts';
import { logChange } from '../db/changes.ts';
import { getTargetNote, listTargetNotes, saveTargetNote, themeArticleIds } from '../db/target-notes.ts';
import { noteTags } from '../db/tags.ts';
import type { Briefing, ListedTargetNote, NoteTargetKind, TargetNote } from './article.ts';
import { DossierError } from './errors.ts';
import type { LibraryThemes } from './library-themes.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportFileName, noteHtml, toHtml, toJson, toMarkdown, type ExportFormat, type ExportItem } from './export/render.ts';
import { themeFileName, themeHtml, themeMarkdown, type ThemeExport } from './export/theme-render.ts';
import type { ExportFile } from './api.ts';
import type { BriefingNotes } from './themes/index.ts';

export interface TargetNoteFilter {
  kind?: NoteTargetKind;
  /** Only the note of this theme. */
  themeId?: string;
  /** Plain words (search-language field prefixes and quotes are ignored); every word must be in the note or its label. */
  q?: string;
  tag?: string;
  from?: string;
  to?: string;
}

/** The calendar day (local time, YYYY-MM-DD) a briefing ends on: the key of its running note. */
export function briefingDay(b: Pick<Briefing, 'to'>): string {
  const d = new Date(b.to);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Case and accents folded (Müller matches muller), so a typed filter finds the note however it was written. */
const foldText = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');

/** The words of a notes-view query, for matching theme and briefing notes (which have no search document of their own). */
function queryWords(q: string): string[] {
  return q.replace(/\b[a-z]+:/gi, ' ').replace(/["()*]/g, ' ').split(/\s+/)
    .filter((w) => w && !/^(and|or|not|und|oder|nicht)$/i.test(w) && !w.startsWith('-')).map(foldText);
}

/** A theme export as one file: Markdown (Obsidian wikilinks to the article files), HTML, or JSON that imports back. */
export function themeExportFile(x: ThemeExport, format: ExportFormat, opts: { linkFiles?: boolean } = {}): ExportFile {
  if (format === 'json') {
    // Articles without their theme: JSON items are what import-export reads back; the theme note rides in `notes`.
    return { fileName: themeFileName(x.label, 'markdown').replace(/\.md$/, '.json'), content: toJson(x.items, new Date(), x.note ? [x.note] : []) };
  }
  return { fileName: themeFileName(x.label, format), content: format === 'markdown' ? themeMarkdown(x) : themeHtml(x, opts) };
}

/** A theme to `outDir`: one file (Markdown/HTML beside one file per article its links point to) or one JSON document. */
export function writeThemeExport(outDir: string, x: ThemeExport, format: ExportFormat): string[] {
  mkdirSync(outDir, { recursive: true });
  const main = themeExportFile(x, format, { linkFiles: true });
  const files = [join(outDir, main.fileName)];
  writeFileSync(files[0]!, main.content);
  if (format === 'json') return files;
  for (const item of x.items) {
    const file = join(outDir, exportFileName(item.article, format));
    writeFileSync(file, format === 'markdown' ? toMarkdown(item) : toHtml(item));
    files.push(file);
  }
  return files;
}

export class LibraryNotes {
  constructor(private readonly db: Db, private readonly themes: LibraryThemes) {}

  get(kind: NoteTargetKind, key: string): TargetNote | null {
    return getTargetNote(this.db, kind, key);
  }

  /** Saves a theme or briefing note (empty deletes). A theme note needs a theme that exists, or a note already kept. */
  save(kind: NoteTargetKind, key: string, body: string): TargetNote | null {
    let label = '';
    if (kind === 'theme') {
      const theme = this.themes.list().find((t) => t.id === key);
      if (!theme && !getTargetNote(this.db, kind, key)) {
        throw new DossierError('themes/not-found', `There is no theme with id ${key} any more. Reload the briefing and try again.`);
      }
      label = theme?.label ?? '';
    }
    return this.db.transaction(() => {
      const note = saveTargetNote(this.db, kind, key, body, label, new Date().toISOString());
      // The theme's articles carry its note in their search documents.
      if (kind === 'theme') for (const id of themeArticleIds(this.db, key)) logChange(this.db, id, 'upsert');
      return note;
    })();
  }

  /** Theme and briefing notes for the notes view, newest first, with each theme's current label (null: gone). */
  list(f: TargetNoteFilter = {}): ListedTargetNote[] {
    const labels = new Map(this.themes.list().map((t) => [t.id, t.label]));
    const words = f.q?.trim() ? queryWords(f.q) : [];
    const tag = f.tag?.toLowerCase().replace(/^#/, '');
    const out: ListedTargetNote[] = [];
    for (const n of listTargetNotes(this.db, f.themeId ? 'theme' : f.kind)) {
      if (f.themeId && n.key !== f.themeId) continue;
      const currentLabel = n.kind === 'theme' ? labels.get(n.key) ?? null : null;
      const tags = noteTags(n.body);
      if (tag && !tags.includes(tag)) continue;
      if (f.from && n.updatedAt < f.from) continue;
      if (f.to && n.updatedAt > f.to) continue;
      if (words.length) {
        const hay = foldText(`${n.body}\n${n.label}\n${currentLabel ?? ''}\n${n.key}`);
        if (!words.every((w) => hay.includes(w))) continue;
      }
      out.push({ ...n, currentLabel, tags });
    }
    return out;
  }

  /** A theme with its note and its articles' annotations; `themes/not-found` unless the theme or its note exists. */
  themeExport(themeId: string, item: (articleId: number) => ExportItem): ThemeExport {
    const theme = this.themes.theme(themeId);
    const note = getTargetNote(this.db, 'theme', themeId);
    if (!theme && !note) throw new DossierError('themes/not-found', `There is no theme with id ${themeId} in this library (see \`dossier themes\`).`);
    const items = (theme?.articles ?? []).map((a) => item(a.id));
    return { id: themeId, label: theme?.label ?? (note?.label || themeId), theme, note, items };
  }

  /** The briefing's own note and the notes on its themes, ready for the briefing renderers. */
  briefingNotes(b: Briefing): BriefingNotes {
    const both = (n: TargetNote | null) => (n ? { markdown: n.body, html: noteHtml(n.body) } : null);
    const themes: NonNullable<BriefingNotes['themes']> = {};
    for (const t of b.themes) {
      const n = both(getTargetNote(this.db, 'theme', t.id));
      if (n) themes[t.id] = n;
    }
    return { briefing: both(getTargetNote(this.db, 'briefing', briefingDay(b))), themes };
  }
}
