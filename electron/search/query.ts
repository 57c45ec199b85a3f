// The query language: words (all must match), "exact phrases", OR, -exclude / NOT, (groups), prefix*,
// fuzzy~ / ~2, =strict umlauts, fields (title: note: outlet: lang: theme: tag:), dates (after: before: since:),
// has:note, sort:date. A small recursive-descent parser; malformed input gets a DossierError a user can act on.
import { DossierError } from '../errors.ts';
import { lexQuery, type Lexeme } from './query-lex.ts';

export type TextField = 'title' | 'note';
export type FilterName = 'outlet' | 'lang' | 'theme' | 'tag' | 'has';

/** What a date filter says, so it can be put into words in the UI's language (query-describe.ts). */
export type DateSpec =
  | { kind: 'since-date' | 'after' | 'before'; value: string }
  | { kind: 'last'; n: number; unit: 'd' | 'w' | 'm' | 'y' };

export type QueryNode =
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode }
  | { type: 'word'; text: string; prefix: boolean; fuzzy: number; strict: boolean; field: TextField | null }
  | { type: 'phrase'; text: string; field: TextField | null }
  | { type: 'filter'; name: FilterName; value: string }
  /** `from`/`to` are epoch days (UTC); `to` is exclusive. */
  | { type: 'date'; from: number | null; to: number | null; label: string; spec: DateSpec };

export interface ParsedQuery {
  /** null when the query holds nothing but options (an empty box, or only sort:date). */
  root: QueryNode | null;
  sort: 'relevance' | 'date';
}

const FIELD_ALIASES: Record<string, string> = {
  title: 'title', titel: 'title', note: 'note', notiz: 'note', outlet: 'outlet', quelle: 'outlet', source: 'outlet',
  lang: 'lang', language: 'lang', sprache: 'lang', theme: 'theme', thema: 'theme', tag: 'tag', has: 'has', hat: 'has',
  after: 'after', nach: 'after', since: 'since', seit: 'since', before: 'before', vor: 'before', sort: 'sort',
};
export const FIELD_NAMES = ['title', 'note', 'outlet', 'lang', 'theme', 'tag', 'has', 'after', 'before', 'since', 'sort'];
const LANGUAGE_NAMES: Record<string, string> = {
  german: 'de', deutsch: 'de', english: 'en', englisch: 'en', french: 'fr', französisch: 'fr', spanish: 'es', italian: 'it',
};
const MAX_DEPTH = 16;

const bad = (message: string): DossierError => new DossierError('search/bad-query', message);

/** Epoch day (UTC) of an ISO date or date-time; null when unreadable. */
export function epochDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (mo < 1 || mo > 12 || back.getUTCDate() !== d) return null;
  return Math.floor(ms / 86_400_000);
}

function dateNode(name: string, value: string, now: Date): QueryNode {
  if (name === 'since') {
    const m = /^(\d{1,4})([dwmy])$/i.exec(value);
    const day = m ? null : epochDay(value);
    if (!m && day === null) {
      throw bad(`since: takes a number of days, weeks, months or years, or a date: since:7d, since:2w, since:3m, since:1y, since:2026-11-01.`);
    }
    const today = Math.floor(now.getTime() / 86_400_000);
    if (day !== null) return { type: 'date', from: day, to: null, label: `since ${value}`, spec: { kind: 'since-date', value } };
    const n = Number(m![1]);
    const unit = m![2]!.toLowerCase();
    const span = unit === 'd' ? n : unit === 'w' ? 7 * n : unit === 'm' ? 30 * n : 365 * n;
    const words: Record<string, string> = { d: 'day', w: 'week', m: 'month', y: 'year' };
    return { type: 'date', from: today - span + 1, to: null, label: `in the last ${n} ${words[unit]}${n === 1 ? '' : 's'}`,
      spec: { kind: 'last', n, unit: unit as 'd' | 'w' | 'm' | 'y' } };
  }
  const day = /^\d{4}-\d{2}$/.test(value) || /^\d{4}-\d{2}-\d{2}$/.test(value) ? epochDay(value) : null;
  if (day === null) throw bad(`${name}: needs a date written year-month-day, like ${name}:2026-11-01.`);
  // after:2026-11-01 starts the day after; before:2026-11-01 ends the day before (both exclusive, like the words).
  if (value.length === 7) {
    const [y, mo] = value.split('-').map(Number) as [number, number];
    const nextMonth = Math.floor(Date.UTC(y, mo, 1) / 86_400_000);
    return name === 'after' ? { type: 'date', from: nextMonth, to: null, label: `after ${value}`, spec: { kind: 'after', value } }
      : { type: 'date', from: null, to: day, label: `before ${value}`, spec: { kind: 'before', value } };
  }
  return name === 'after' ? { type: 'date', from: day + 1, to: null, label: `after ${value}`, spec: { kind: 'after', value } }
    : { type: 'date', from: null, to: day, label: `before ${value}`, spec: { kind: 'before', value } };
}

function filterNode(name: FilterName, value: string): QueryNode {
  if (name === 'has') {
    if (!/^(note|notiz)$/i.test(value)) throw bad(`has: understands has:note (articles with a note of yours).`);
    return { type: 'filter', name, value: 'note' };
  }
  if (name === 'lang') {
    const v = value.toLowerCase();
    const code = LANGUAGE_NAMES[v] ?? (/^[a-z]{2,3}$/.test(v) ? v : null);
    if (!code) throw bad(`lang: takes a language code such as lang:de or lang:en.`);
    return { type: 'filter', name, value: code };
  }
  return { type: 'filter', name, value };
}

class Parser {
  private i = 0;
  sort: 'relevance' | 'date' = 'relevance';

  constructor(private readonly lexemes: Lexeme[], private readonly now: Date) {}

  private peek(): Lexeme | undefined { return this.lexemes[this.i]; }

  parse(): QueryNode | null {
    const node = this.parseOr(0);
    const rest = this.peek();
    if (rest?.kind === 'close') throw bad('There is a ")" without a matching "(". Remove it or add the opening bracket.');
    return node;
  }

  private parseOr(depth: number): QueryNode | null {
    if (depth > MAX_DEPTH) throw bad('The query nests brackets too deeply. Simplify it.');
    const alternatives: QueryNode[] = [];
    let current = this.parseAnd(depth);
    while (this.peek()?.kind === 'or') {
      this.i++;
      const next = this.parseAnd(depth);
      if (!current || !next) throw bad('OR needs something on both sides: Streumunition OR "cluster munitions".');
      alternatives.push(current);
      current = next;
    }
    if (alternatives.length === 0) return current;
    return { type: 'or', children: [...alternatives, current!] };
  }

  private parseAnd(depth: number): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const l = this.peek();
      if (!l || l.kind === 'or' || l.kind === 'close') break;
      if (l.kind === 'and') {
        this.i++;
        if (children.length === 0 || !this.peek() || ['or', 'close', 'and'].includes(this.peek()!.kind)) {
          throw bad('AND needs something on both sides: Kursk AND Angriff (AND is optional: all words must match anyway).');
        }
        continue;
      }
      const node = this.parseUnary(depth);
      if (node) children.push(node);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private parseUnary(depth: number): QueryNode | null {
    const l = this.peek()!;
    if (l.kind === 'not') {
      this.i++;
      const next = this.peek();
      if (!next || next.kind === 'or' || next.kind === 'close' || next.kind === 'and' || next.kind === 'not') {
        throw bad(`${l.text === '-' ? '"-"' : 'NOT'} needs the word to leave out right after it: Kursk -Belgorod or Kursk NOT Belgorod.`);
      }
      const child = this.parseUnary(depth + 1);
      return child ? { type: 'not', child } : null;
    }
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): QueryNode | null {
    const l = this.lexemes[this.i++]!;
    if (l.kind === 'open') {
      const inner = this.parseOr(depth + 1);
      if (this.peek()?.kind !== 'close') throw bad('A bracket "(" is not closed. Add ")" after the words it groups: (Kursk OR Belgorod) Angriff.');
      this.i++;
      if (!inner) throw bad('Empty brackets "()": put the words to group between them.');
      return inner;
    }
    if (l.kind === 'phrase') return { type: 'phrase', text: l.text, field: null };
    if (l.kind === 'field') return this.fieldNode(l);
    return wordNode(l.text, null);
  }

  private fieldNode(l: Lexeme): QueryNode | null {
    const name = FIELD_ALIASES[l.field!.toLowerCase()]!;
    const value = l.text;
    if (value.trim() === '' && l.valueKind !== 'group') {
      throw bad(`${l.field}: needs a value right after the colon, like ${exampleFor(name)}.`);
    }
    if (name === 'title' || name === 'note') {
      if (l.valueKind === 'phrase') return { type: 'phrase', text: value, field: name };
      if (l.valueKind === 'group') {
        throw bad(`${l.field}: takes one word or a "phrase"; write ${l.field}:Kursk ${l.field}:Angriff for several words.`);
      }
      return wordNode(value, name);
    }
    if (l.valueKind === 'group') throw bad(`${l.field}: takes one value, like ${exampleFor(name)}.`);
    if (name === 'sort') {
      if (!/^(date|datum|new|newest|relevance)$/i.test(value)) throw bad('sort: takes sort:date (newest first) or sort:relevance.');
      this.sort = /^relevance$/i.test(value) ? 'relevance' : 'date';
      return null;
    }
    if (name === 'after' || name === 'before' || name === 'since') return dateNode(name, value, this.now);
    return filterNode(name as FilterName, value);
  }
}

function exampleFor(name: string): string {
  const examples: Record<string, string> = {
    outlet: 'outlet:"Der Standard"', lang: 'lang:de', theme: 'theme:3f2a', tag: 'tag:ukraine', has: 'has:note',
    title: 'title:Kursk', note: 'note:Quelle',
    after: 'after:2026-11-01', before: 'before:2026-12-01', since: 'since:7d', sort: 'sort:date',
  };
  return examples[name] ?? `${name}:word`;
}

function wordNode(raw: string, field: TextField | null): QueryNode | null {
  let text = raw;
  const strict = text.startsWith('=');
  if (strict) text = text.slice(1);
  let fuzzy = 0;
  const f = /~(\d*)$/.exec(text);
  if (f) {
    fuzzy = f[1] === '' ? 1 : Number(f[1]);
    if (fuzzy < 1 || fuzzy > 2) throw bad(`Fuzzy matching allows 1 or 2 typos: ${text.slice(0, f.index)}~ or ${text.slice(0, f.index)}~2.`);
    text = text.slice(0, f.index);
  }
  const prefix = text.endsWith('*');
  if (prefix) text = text.replace(/\*+$/, '');
  if (text.includes('*')) throw bad(`"*" works at the end of a word only, for words starting with it: ${text.replace(/\*/g, '')}*.`);
  if (prefix && fuzzy) throw bad(`A word can end in * (prefix) or ~ (typos), not both: ${text}* or ${text}~.`);
  if (text === '') {
    if (prefix) throw bad('"*" needs the start of a word before it: nordkorea*.');
    if (strict) throw bad('"=" needs a word right after it: =dröge matches the umlaut exactly.');
    if (fuzzy) throw bad('"~" needs a word right before it: Selenskyj~.');
    return null;
  }
  if (prefix && [...text].filter((c) => /[\p{L}\p{N}]/u.test(c)).length < 2) {
    throw bad(`A prefix search needs at least two letters before "*": ${text}…* would match nearly everything.`);
  }
  return { type: 'word', text, prefix, fuzzy, strict, field };
}

/** Parses a query; throws DossierError('search/bad-query') with a helpful message for malformed input. */
export function parseQuery(q: string, now: Date = new Date()): ParsedQuery {
  if (q.length > 2000) throw bad('The query is too long (over 2,000 characters). Shorten it.');
  const parser = new Parser(lexQuery(q, FIELD_ALIASES), now);
  const root = parser.parse();
  return { root, sort: parser.sort };
}
