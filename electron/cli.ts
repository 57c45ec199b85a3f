// `dossier` — the headless twin of the app: import, search, brief, note, list, show on the same Library.
// Every command takes --library DIR (or DOSSIER_LIBRARY) and --json (one JSON document on stdout).
import './cli-prestart.ts'; // first: starts an import's threads before the rest loads
import { parseArgs } from 'node:util';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Library, openLibrary } from './library.ts';
import { defaultLibraryDir } from './paths.ts';
import { isDossierError } from './errors.ts';
import { storageError } from './storage-errors.ts';
import { runSavedCommand, SAVED_USAGE } from './cli-saved.ts';
import { progressLine, renderBriefing, renderImportReport, renderList, renderSearch, renderThemeList, bold, dim } from './cli-format.ts';
import type { ThemeDecision } from './api.ts';

const USAGE = `Usage: dossier <command> [options]

Commands:
  import PATH...            import files and folders (recursively)  [--max-mb N] (refuse larger files; default 200)
                            [--time-limit S] (a file that takes longer to read fails alone; default 30)
  search "QUERY"            full-text search   [--limit N] [--strict] (umlauts exact: dröge is not Droge)
  brief                     briefing by theme  [--since 24h|7d|30d|today|all|YYYY-MM-DD]  (default 7d)
                            [--format markdown|html] prints the briefing as a document
                            (with your note on the briefing's day and your notes on its themes)
  themes                    every theme with its id, size, pinned/hidden  [--recompute] (rebuild themes from scratch)
  theme rename ID "LABEL"   curate themes (kept across recomputation, re-import and restart):
  theme merge ID ID... [--label "LABEL"]     theme split ARTICLE_ID... [--label "LABEL"]
  theme move ARTICLE_ID THEME_ID             theme pin|unpin|hide|unhide ID
  list                      articles, newest first  [--limit N]
  show ID                   print one article with its note
  note ID "TEXT"            set the Markdown note of an article ("" deletes it)
  export --out DIR          articles with notes as files  [--format markdown|html|json] [--article ID | --theme ID | --all]
                            (default: Markdown, every article that has a note, highlight or tag)
                            (highlights with comments and tags are included; JSON also holds theme and briefing notes)
                            --theme ID: the theme's label, your note on it, its stories, and its articles with their
                            highlights and notes (Markdown: Obsidian [[links]] to one file per article, written beside it)
  theme-note ID "TEXT"      set your Markdown note on a theme ("" deletes it)
  briefing-note DAY "TEXT"  set your running note on the briefing of a day (YYYY-MM-DD; "" deletes it)
  notes                     theme and briefing notes (notes of themes that no longer exist included)
  import-export FILE        read a Dossier JSON export back: notes (also on themes and briefings), highlights, tags
                            (no duplicate articles)
  backup FILE               write a verified copy of the whole library to FILE
  restore FILE              replace the library by a backup (the current one is kept as a dated copy)
${SAVED_USAGE}

Options:
  --library DIR             library folder (default: $DOSSIER_LIBRARY or ${defaultLibraryDir()})
  --json                    print one JSON document on stdout
  -h, --help                this help`;

class UsageError extends Error {}

/** Commands that need every article in the search index: while it is rebuilt they wait for it. */
const needsIndex = (cmd: string, args: string[]) => cmd === 'search' || cmd === 'batch-search' || (cmd === 'saved' && args[0] === 'show');

async function waitForIndex(lib: Library): Promise<void> {
  const st = lib.indexStatus();
  if (st.state !== 'building') return;
  process.stderr.write(`dossier: rebuilding the search index (${st.total} article${st.total === 1 ? '' : 's'}); search answers when it is done…\n`);
  await lib.whenIndexReady();
  if (lib.indexStatus().state === 'failed') process.stderr.write('dossier: the search index could not be rebuilt; search finds nothing until it is.\n');
}

function write(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, not "${v}".`);
  return n;
}

interface CommandOptions {
  json: boolean; limit?: number; since?: string; out?: string; format?: string; article?: number; all?: boolean;
  strict?: boolean; markSeen?: boolean;
  label?: string; recompute?: boolean;
  theme?: string;
}

async function runCommand(lib: Library, cmd: string, args: string[], opts: CommandOptions): Promise<number> {
  const out = (json: unknown, text: () => string) => write(opts.json ? JSON.stringify(json, null, 2) : text());
  switch (cmd) {
    case 'import': {
      if (args.length === 0) throw new UsageError('import needs at least one file or folder.');
      const tty = !opts.json && process.stderr.isTTY;
      const report = await lib.importPaths(args, { onProgress: (p) => tty && process.stderr.write(progressLine(p)) });
      if (tty) process.stderr.write('\r\x1b[K');
      out(report, () => renderImportReport(report));
      return report.failed > 0 && report.imported + report.duplicates + report.updated === 0 ? 1 : 0;
    }
    case 'search': {
      if (args.length !== 1) throw new UsageError('search needs one query; quote it: dossier search "Kursk Offensive"');
      const r = lib.search(args[0]!, { limit: opts.limit ?? 20, strictUmlauts: opts.strict, facets: opts.json });
      out({ ...r, hits: r.hits.map((h) => ({ ...h, snippet: h.snippets[0]?.text ?? '' })) }, () => renderSearch(r));
      return 0;
    }
    case 'brief': {
      if (opts.format && !opts.json) {
        if (opts.format !== 'markdown' && opts.format !== 'html') throw new UsageError(`--format must be markdown or html for brief, not "${opts.format}".`);
        write(await lib.exportBriefing({ since: opts.since, format: opts.format })); // with the briefing and theme notes (issue 6)
        return 0;
      }
      const b = lib.briefing({ since: opts.since });
      out({ ...b, themes: b.themes.map((t) => ({ ...t, articleIds: t.articles.map((a) => a.id) })) }, () => renderBriefing(b));
      return 0;
    }
    // Themes & briefing (issue 5): list and curate themes.
    case 'themes': {
      if (opts.recompute) lib.recomputeThemes();
      const list = lib.themes();
      out(list, () => renderThemeList(list));
      return 0;
    }
    case 'theme': {
      const decision = themeDecisionOf(args, opts.label);
      const summary = lib.decideTheme(decision);
      out(summary, () => `${decision.type === 'rename' ? 'Renamed' : 'Updated'}: ${renderThemeList([summary])}`);
      return 0;
    }
    case 'list': {
      const items = lib.list({ limit: opts.limit ?? 100 });
      out(items, () => renderList(items));
      return 0;
    }
    case 'show': {
      const id = positiveInt(args[0], 'The article id');
      if (id === undefined) throw new UsageError('show needs an article id: dossier show 12');
      const d = lib.get(id);
      out(d, () => [bold(d.article.title), dim([d.article.outlet, d.article.byline, d.article.publishedAt].filter(Boolean).join(' · ')),
        '', d.article.text, ...(d.note ? ['', bold('Your note'), d.note.body] : [])].join('\n'));
      return 0;
    }
    case 'note': {
      const id = positiveInt(args[0], 'The article id');
      if (id === undefined || args.length !== 2) throw new UsageError('note needs an article id and the text: dossier note 12 "Call the press office"');
      const note = lib.saveNote(id, args[1]!);
      out(note, () => (note ? `Saved the note on #${id}.` : `Deleted the note on #${id}.`));
      return 0;
    }
    case 'export': {
      if (!opts.out) throw new UsageError('export needs --out DIR: dossier export --out ~/Dossier-Export');
      const format = opts.format ?? 'markdown';
      if (!['markdown', 'html', 'json'].includes(format)) throw new UsageError(`--format must be markdown, html or json, not "${format}".`);
      if ([opts.article !== undefined, opts.theme !== undefined, !!opts.all].filter(Boolean).length > 1) {
        throw new UsageError('export takes one of --article ID, --theme ID or --all.');
      }
      const files = lib.exportTo(opts.out, { format: format as 'markdown', articleId: opts.article, all: opts.all, themeId: opts.theme });
      out({ files }, () => (files.length ? `Exported ${files.length} file${files.length === 1 ? '' : 's'} to ${opts.out}.`
        : 'Nothing to export: no article has a note, highlight or tag yet (use --all for every article).'));
      return 0;
    }
    // import of a JSON export (issue 6)
    case 'import-export': {
      if (args.length !== 1) throw new UsageError('import-export needs the JSON export file: dossier import-export ~/Dossier-Export/dossier-export.json');
      const r = lib.importExportFile(args[0]!);
      out(r, () => `Read back ${r.articlesAdded + r.articlesMatched} articles (${r.articlesAdded} new): ${r.notesAdded} notes added, ` +
        `${r.notesMerged} merged, ${r.highlightsAdded} highlights and ${r.tagsAdded} tags added; ` +
        `${r.targetNotesAdded} theme/briefing notes added, ${r.targetNotesMerged} merged.`);
      return 0;
    }
    // notes on themes and briefings (issue 6)
    case 'theme-note': case 'briefing-note': {
      const kind = cmd === 'theme-note' ? 'theme' : 'briefing';
      if (args.length !== 2) throw new UsageError(`${cmd} needs the ${kind === 'theme' ? 'theme id' : 'day (YYYY-MM-DD)'} and the text: dossier ${cmd} ${kind === 'theme' ? 't1a2b' : '2026-11-25'} "Ask the ministry"`);
      if (kind === 'briefing' && !/^\d{4}-\d{2}-\d{2}$/.test(args[0]!)) throw new UsageError(`briefing-note needs a day like 2026-11-25, not "${args[0]}".`);
      const note = lib.saveTargetNote(kind, args[0]!, args[1]!);
      out(note, () => (note ? `Saved the note on ${kind} ${args[0]}.` : `Deleted the note on ${kind} ${args[0]}.`));
      return 0;
    }
    case 'notes': {
      const list = lib.listTargetNotes();
      out(list, () => (list.length ? list.map((n) => `${bold(n.kind === 'theme' ? `Theme ${n.key}: ${n.currentLabel ?? `${n.label} (no longer in the library)`}` : `Briefing ${n.key}`)}` +
        `  ${dim(n.updatedAt.slice(0, 16))}\n${n.body.trim()}\n`).join('\n') : 'No notes on themes or briefings yet.'));
      return 0;
    }
    case 'backup': {
      if (args.length !== 1) throw new UsageError('backup needs the file to write: dossier backup ~/dossier-2026-11-25.sqlite');
      const r = await lib.backup(args[0]!);
      out(r, () => `Backed up ${r.articles} articles and ${r.notes} notes to ${r.file} (integrity checked).`);
      return 0;
    }
    default: {
      // Saved searches and batch search (issue 4).
      const code = runSavedCommand(lib, cmd, args, { ...opts, usage: (m) => new UsageError(m) }, write);
      if (code !== null) return code;
      throw new UsageError(`Unknown command "${cmd}".`);
    }
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        library: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
        limit: { type: 'string' }, since: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' },
        article: { type: 'string' }, all: { type: 'boolean' }, 'max-mb': { type: 'string' }, 'time-limit': { type: 'string' },
        strict: { type: 'boolean' }, 'mark-seen': { type: 'boolean' },
        label: { type: 'string' }, recompute: { type: 'boolean' }, theme: { type: 'string' },
      },
    });
  } catch (e) {
    process.stderr.write(`dossier: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [cmd, ...args] = parsed.positionals;
  if (parsed.values.help || !cmd) {
    write(USAGE);
    return cmd || parsed.values.help ? 0 : 2;
  }
  let lib: Library | undefined;
  const v = parsed.values;
  try {
    const dir = v.library ?? process.env.DOSSIER_LIBRARY ?? defaultLibraryDir();
    if (cmd === 'restore') return restore(dir, args, v.json ?? false);
    const opts = { json: v.json ?? false, limit: positiveInt(v.limit, '--limit'), since: v.since, out: v.out,
      format: v.format, article: positiveInt(v.article, '--article'), all: v.all, strict: v.strict, markSeen: v['mark-seen'],
      label: v.label, recompute: v.recompute, theme: v.theme };
    const maxMb = v['max-mb'] === undefined ? undefined : Number(v['max-mb']);
    if (maxMb !== undefined && !(maxMb > 0)) throw new UsageError(`--max-mb must be a positive number of megabytes, not "${v['max-mb']}".`);
    // import: per-file time limit
    const limitS = v['time-limit'] === undefined ? undefined : Number(v['time-limit']);
    if (limitS !== undefined && !(limitS > 0)) throw new UsageError(`--time-limit must be a positive number of seconds, not "${v['time-limit']}".`);
    lib = await openLibrary({ dir, maxFileBytes: maxMb === undefined ? undefined : Math.round(maxMb * 1024 * 1024),
      parseTimeoutMs: limitS === undefined ? undefined : Math.round(limitS * 1000) });
    if (needsIndex(cmd, args)) await waitForIndex(lib);
    return await runCommand(lib, cmd, args, opts);
  } catch (thrown) {
    const e = storageError(thrown) ?? thrown; // disk full / read-only: words, not SQLite codes
    if (e instanceof UsageError) {
      process.stderr.write(`dossier: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    const msg = isDossierError(e) ? `${e.message} [${e.code}]` : `internal error: ${(e as Error).stack ?? e}`;
    if (parsed.values.json) write(JSON.stringify({ error: isDossierError(e) ? { code: e.code, message: e.message } : { code: 'internal', message: String(e) } }));
    process.stderr.write(`dossier: ${msg}\n`);
    return 1;
  } finally {
    await lib?.close();
  }
}

/** `dossier theme VERB …` as a decision; usage errors name the form that works. */
function themeDecisionOf(args: string[], label: string | undefined): ThemeDecision {
  const [verb, ...rest] = args;
  const ids = (xs: string[]) => xs.map((x) => positiveInt(x, 'An article id')!);
  switch (verb) {
    case 'rename':
      if (rest.length !== 2 || !rest[1]!.trim()) throw new UsageError('theme rename needs a theme id and the new label: dossier theme rename t1a2b "Kursk offensive"');
      return { type: 'rename', themeId: rest[0]!, label: rest[1]! };
    case 'merge':
      if (rest.length < 2) throw new UsageError('theme merge needs two or more theme ids: dossier theme merge t1a2b t3c4d');
      return { type: 'merge', themeIds: rest, ...(label ? { label } : {}) };
    case 'split':
      if (rest.length < 1) throw new UsageError('theme split needs the ids of the articles to split off: dossier theme split 12 14');
      return { type: 'split', articleIds: ids(rest), ...(label ? { label } : {}) };
    case 'move':
      if (rest.length !== 2) throw new UsageError('theme move needs an article id and a theme id: dossier theme move 12 t1a2b');
      return { type: 'move', articleId: ids([rest[0]!])[0]!, toThemeId: rest[1]! };
    case 'pin': case 'unpin': case 'hide': case 'unhide':
      if (rest.length !== 1) throw new UsageError(`theme ${verb} needs one theme id: dossier theme ${verb} t1a2b`);
      return { type: verb, themeId: rest[0]! };
    default:
      throw new UsageError(`theme needs one of rename, merge, split, move, pin, unpin, hide, unhide${verb ? `, not "${verb}"` : ''}.`);
  }
}

/** Restore works on a closed library: it swaps the database file, keeping the current one as a copy. */
function restore(dir: string, args: string[], json: boolean): number {
  if (args.length !== 1) throw new UsageError('restore needs the backup file: dossier restore ~/dossier-2026-11-25.sqlite');
  const r = Library.restore(dir, args[0]!);
  write(json ? JSON.stringify(r, null, 2) : `Restored ${r.articles} articles and ${r.notes} notes into ${dir}.` +
    (r.savedCopy ? `\nThe library as it was before is kept at ${r.savedCopy}.` : ''));
  return 0;
}

function isEntryPoint(): boolean {
  try {
    return !!process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

// Set exitCode instead of process.exit(): stdout to a pipe is asynchronous and would be cut short.
if (isEntryPoint()) void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
