// A small query parser: words (all must match), "exact phrases", OR, -exclude / NOT, prefix*, and the
// =word modifier for strict umlauts. Malformed input gets a DossierError with a message a user can act on.
import { DossierError } from '../errors.ts';

export type Clause =
  | { kind: 'word'; text: string; prefix: boolean; strict: boolean }
  | { kind: 'phrase'; text: string };

export interface ParsedQuery {
  /** Alternatives (OR); each alternative needs all of its clauses. */
  any: Clause[][];
  exclude: Clause[];
}

const TOKEN = /\s*(-|NOT\s+)?("([^"]*)"?|\S+)/gy;

export function parseQuery(q: string): ParsedQuery {
  const any: Clause[][] = [[]];
  const exclude: Clause[] = [];
  if ((q.match(/"/g) ?? []).length % 2 === 1) {
    throw new DossierError('search/bad-query', 'A quotation mark is not closed. Put the exact phrase between two quotation marks: "Kim Jong-un".');
  }
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(q)) !== null && m[0].trim() !== '') {
    const negate = !!m[1];
    const raw = m[2]!;
    if (raw === 'OR' && !negate) {
      if (any[any.length - 1]!.length === 0) throw new DossierError('search/bad-query', 'OR needs a word on both sides: Streumunition OR "cluster munitions".');
      any.push([]);
      continue;
    }
    const clause: Clause = raw.startsWith('"')
      ? { kind: 'phrase', text: m[3] ?? '' }
      : { kind: 'word', text: raw.replace(/^=/, '').replace(/\*$/, ''), prefix: raw.endsWith('*'), strict: raw.startsWith('=') };
    if (clause.text.trim() === '') continue;
    (negate ? exclude : any[any.length - 1]!).push(clause);
  }
  if (any.length > 1 && any[any.length - 1]!.length === 0) {
    throw new DossierError('search/bad-query', 'OR needs a word on both sides: Streumunition OR "cluster munitions".');
  }
  return { any: any.filter((a) => a.length > 0), exclude };
}

export function describeQuery(p: ParsedQuery): string {
  const show = (c: Clause) => (c.kind === 'phrase' ? `"${c.text}"` : `${c.strict ? '=' : ''}${c.text}${c.kind === 'word' && c.prefix ? '*' : ''}`);
  const alts = p.any.map((a) => (a.length === 1 ? show(a[0]!) : `all of: ${a.map(show).join(', ')}`));
  let s = alts.length === 0 ? 'nothing' : alts.join(' — or — ');
  if (p.exclude.length) s += `; without: ${p.exclude.map(show).join(', ')}`;
  return s;
}
