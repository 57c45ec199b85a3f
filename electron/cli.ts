// `dossier` — the headless twin of the app: import, search, brief, note, list, show on the same Library.
// Every command takes --library DIR (or DOSSIER_LIBRARY) and --json (one JSON document on stdout).
import { parseArgs } from 'node:util';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openLibrary, type Library } from './library.ts';
import { defaultLibraryDir } from './paths.ts';
import { isDossierError } from './errors.ts';
import { progressLine, renderBriefing, renderImportReport, renderList, renderSearch, bold, dim } from './cli-format.ts';

const USAGE = `Usage: dossier <command> [options]

Commands:
  import PATH...            import files and folders (recursively)
  search "QUERY"            full-text search   [--limit N]
  brief                     briefing by theme  [--since 24h|7d|30d|today|all|YYYY-MM-DD]  (default 7d)
  list                      articles, newest first  [--limit N]
  show ID                   print one article with its note
  note ID "TEXT"            set the Markdown note of an article ("" deletes it)

Options:
  --library DIR             library folder (default: $DOSSIER_LIBRARY or ${defaultLibraryDir()})
  --json                    print one JSON document on stdout
  -h, --help                this help`;

class UsageError extends Error {}

function write(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, not "${v}".`);
  return n;
}

async function runCommand(lib: Library, cmd: string, args: string[], opts: { json: boolean; limit?: number; since?: string }): Promise<number> {
  const out = (json: unknown, text: () => string) => write(opts.json ? JSON.stringify(json, null, 2) : text());
  switch (cmd) {
    case 'import': {
      if (args.length === 0) throw new UsageError('import needs at least one file or folder.');
      const tty = !opts.json && process.stderr.isTTY;
      const report = await lib.importPaths(args, { onProgress: (p) => tty && process.stderr.write(progressLine(p)) });
      if (tty) process.stderr.write('\r\x1b[K');
      out(report, () => renderImportReport(report));
      return report.failed > 0 && report.imported + report.duplicates === 0 ? 1 : 0;
    }
    case 'search': {
      if (args.length !== 1) throw new UsageError('search needs one query; quote it: dossier search "Kursk Offensive"');
      const r = lib.search(args[0]!, { limit: opts.limit ?? 20 });
      out({ ...r, hits: r.hits.map((h) => ({ ...h, snippet: h.snippets[0]?.text ?? '' })) }, () => renderSearch(r));
      return 0;
    }
    case 'brief': {
      const b = lib.briefing({ since: opts.since });
      out({ ...b, themes: b.themes.map((t) => ({ ...t, articleIds: t.articles.map((a) => a.id) })) }, () => renderBriefing(b));
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
    default:
      throw new UsageError(`Unknown command "${cmd}".`);
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
        limit: { type: 'string' }, since: { type: 'string' },
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
  try {
    const limit = positiveInt(parsed.values.limit, '--limit');
    lib = await openLibrary({ dir: parsed.values.library ?? process.env.DOSSIER_LIBRARY ?? defaultLibraryDir() });
    return await runCommand(lib, cmd, args, { json: parsed.values.json ?? false, limit, since: parsed.values.since });
  } catch (e) {
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

function isEntryPoint(): boolean {
  try {
    return !!process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

// Set exitCode instead of process.exit(): stdout to a pipe is asynchronous and would be cut short.
if (isEntryPoint()) void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
