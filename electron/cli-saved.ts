// CLI commands for saved searches (alerts) and batch search: `dossier saved …` and `dossier batch-search FILE|-`.
import { readFileSync } from 'node:fs';
import type { Library } from './library.ts';
import { parseTermList } from './batch-search.ts';
import { bold, dim, renderSnippet } from './cli-format.ts';
import type { BatchSearchRow, SavedSearch, SavedSearchMatches } from './article.ts';

export const SAVED_USAGE = `  saved list                saved searches with their new (unseen) matches
  saved add NAME "QUERY"    save a search; every later import is checked against it  [--strict]
  saved show ID             run a saved search, new matches first and flagged  [--limit N] [--mark-seen]
  saved rm ID               delete a saved search
  batch-search FILE|-       hit counts per line of a .txt/.csv file (or stdin), most hits first  [--strict]`;

export interface SavedCommandOptions {
  json: boolean; limit?: number; strict?: boolean; markSeen?: boolean;
  usage: (message: string) => Error;
}

function savedId(arg: string | undefined, opts: SavedCommandOptions, example: string): number {
  const n = Number(arg);
  if (!arg || !Number.isInteger(n) || n <= 0) throw opts.usage(`${example} needs the id of a saved search (see: dossier saved list).`);
  return n;
}

function renderSavedList(list: SavedSearch[]): string {
  if (list.length === 0) return 'No saved searches yet. Save one with: dossier saved add "Name" "query"';
  return list.map((s) => `#${String(s.id).padEnd(4)} ${bold(s.name)}${s.unseen ? `  ${s.unseen} new` : ''}  ${dim(s.query)}`).join('\n');
}

function renderMatches(m: SavedSearchMatches): string {
  const head = `${bold(m.search.name)}  ${dim(`${m.total} match${m.total === 1 ? '' : 'es'} — ${m.understood}`)}`;
  if (m.hits.length === 0) return `${head}\nNo articles match yet.`;
  const lines = [head, ''];
  for (const h of m.hits) {
    const date = (h.publishedAt ?? `imported ${h.importedAt}`).slice(0, h.publishedAt ? 10 : 19);
    lines.push(`${h.unseen ? 'NEW ' : ''}${bold(`#${h.id} ${h.title}`)}  ${dim([h.outlet, date].filter(Boolean).join(' · '))}`);
    const s = h.snippets.find((x) => x.field !== 'title');
    if (s) lines.push(`   ${s.field === 'note' ? dim('[your note] ') : ''}${renderSnippet(s)}`);
  }
  return lines.join('\n');
}

function renderBatch(rows: BatchSearchRow[]): string {
  if (rows.length === 0) return 'The list has no terms (one name or term per line).';
  const width = Math.min(40, Math.max(...rows.map((r) => r.term.length)));
  return rows.map((r) => `${String(r.count).padStart(6)}  ${r.term.padEnd(width)}  ${r.error ? `(${r.error})`
    : dim(r.topIds.map((id) => `#${id}`).join(' '))}`).join('\n');
}

/** Runs `saved …` or `batch-search …`; null when `cmd` is not one of them. */
export function runSavedCommand(lib: Library, cmd: string, args: string[], opts: SavedCommandOptions,
  write: (s: string) => void): number | null {
  const out = (json: unknown, text: () => string) => write(opts.json ? JSON.stringify(json, null, 2) : text());
  if (cmd === 'batch-search') {
    if (args.length !== 1) throw opts.usage('batch-search needs a file with one term per line, or - for stdin: dossier batch-search names.txt');
    const file = args[0]!;
    const text = readFileSync(file === '-' ? 0 : file, 'utf8');
    const rows = lib.batchSearch(parseTermList(text, { csv: /\.csv$/i.test(file) }), { strictUmlauts: opts.strict });
    out(rows, () => renderBatch(rows));
    return 0;
  }
  if (cmd !== 'saved') return null;
  const [sub, ...rest] = args;
  switch (sub ?? 'list') {
    case 'list': {
      const list = lib.savedSearches();
      out(list, () => renderSavedList(list));
      return 0;
    }
    case 'add': {
      if (rest.length !== 2) throw opts.usage('saved add needs a name and a query: dossier saved add "Streumunition" "Streumunition OR cluster munitions"');
      const s = lib.saveSearch({ name: rest[0]!, query: rest[1]!, strictUmlauts: opts.strict });
      out(s, () => `Saved search #${s.id} “${s.name}”. Every later import is checked against it.`);
      return 0;
    }
    case 'show': {
      const id = savedId(rest[0], opts, 'saved show');
      const m = lib.savedSearchMatches(id, { limit: opts.limit ?? 20 });
      if (opts.markSeen) lib.markSavedSearchSeen(id);
      out(m, () => renderMatches(m));
      return 0;
    }
    case 'rm': {
      const id = savedId(rest[0], opts, 'saved rm');
      lib.deleteSavedSearch(id);
      out({ deleted: id }, () => `Deleted saved search #${id}.`);
      return 0;
    }
    default:
      throw opts.usage(`Unknown saved-search command "${sub}": use saved list, add, show or rm.`);
  }
}
