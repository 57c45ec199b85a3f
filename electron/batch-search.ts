// Batch search: a pasted list or a .txt/.csv file of names and terms -> how many articles each is in.
// One query per line; a plain multi-word name is searched as a phrase ("Kim Jong-un", "Olaf Scholz").
import { isDossierError } from './errors.ts';
import type { SearchIndex } from './search/search-index.ts';
import type { BatchSearchRow } from './article.ts';

export const MAX_BATCH_TERMS = 2000;
const TOP_IDS = 5;
/** Anything that makes a line a query of its own rather than a name: quotes, operators, fields, wildcards. */
const QUERY_SYNTAX = /["()*~=:]|(^|\s)-\S|\b(OR|AND|NOT)\b/;

/** The first cell of a CSV line (quoted cells may contain the separator and doubled quotes). */
function firstCell(line: string): string {
  if (line.startsWith('"')) {
    const m = /^"((?:[^"]|"")*)"/.exec(line);
    if (m) return m[1]!.replace(/""/g, '"');
  }
  return line.split(/[;,\t]/)[0]!;
}

/** Column titles a spreadsheet export puts above a list of names (English and German), never searched for. */
const CSV_HEADER = /^(names?|terms?|quer(y|ies)|keywords?|search( terms?)?|persons?|people|organi[sz]ations?|places?|entity|entities|(such)?begriffe?|suchwörter|schlagw(ort|örter)|stichw(ort|örter)|personen|organisationen|orte?)$/i;

/** The terms of a pasted list or file: one per line (CSV: the first column), trimmed, deduplicated, in order. */
export function parseTermList(text: string, opts: { csv?: boolean } = {}): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  let first = true;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const term = (opts.csv ? firstCell(raw.trim()) : raw).trim();
    const key = term.toLocaleLowerCase();
    const header = opts.csv && first && CSV_HEADER.test(term);
    if (term) first = false;
    if (!term || header || term.startsWith('#') || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}

/** The query run for a term: a plain name of several words becomes a phrase, anything with syntax stays as typed. */
export function termQuery(term: string): string {
  return /\s/.test(term) && !QUERY_SYNTAX.test(term) ? `"${term}"` : term;
}

/** Hit counts per term, most hits first (ties keep the list's order). */
export function batchSearch(index: SearchIndex, terms: string[], opts: { strictUmlauts?: boolean } = {}): BatchSearchRow[] {
  const rows = terms.slice(0, MAX_BATCH_TERMS).map((term): BatchSearchRow => {
    const query = termQuery(term);
    try {
      const r = index.search(query, { limit: TOP_IDS, strictUmlauts: opts.strictUmlauts });
      return { term, query, count: r.total, topIds: r.hits.map((h) => h.id) };
    } catch (e) {
      if (!isDossierError(e)) throw e;
      return { term, query, count: 0, topIds: [], error: e.message };
    }
  });
  return rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.count - a.r.count || a.i - b.i).map(({ r }) => r);
}
