// The query language: words (all must match), "exact phrases", OR, -exclude / NOT, (groups), prefix*,
// fuzzy~ / ~2, =strict umlauts, fields (title: note: outlet: lang: theme: tag:), dates (after: before: since:),
// has:note, sort:date. A small recursive-descent parser; malformed input gets a DossierError a user can act on.
import { queryError } from './query-errors.ts';
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

/** `field` is the name as typed (after:, nach:), for the message. */
function dateNode(name: string, field: string, value: string, now: Date): QueryNode {
  if (name === 'since') {
    const m = /^(\d{1,4})([dwmy])$/i.exec(value);
    const day = m ? null : epochDay(value);
    if (!m && day === null) {
      throw queryError('since-value', { field });
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
  if (day === null) throw queryError('date-value', { field });
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

function filterNode(name: FilterName, field: string, value: string): QueryNode {
  if (name === 'has') {
    if (!/^(note|notiz)$/i.test(value)) throw queryError('has-value', { field });
    return { type: 'filter', name, value: 'note' };
  }
  if (name === 'lang') {
    const v = value.toLowerCase();
    const code = LANGUAGE_NAMES[v] ?? (/^[a-z]{2,3}$/.test(v) ? v : null);
    if (!code) throw queryError('lang-value', { field });
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
    if (rest?.kind === 'close') throw queryError('unmatched-close');
    return node;
  }

  private parseOr(depth: number): QueryNode | null {
    if (depth > MAX_DEPTH) throw queryError('too-deep');
    const alternatives: QueryNode[] = [];
    let current = this.parseAnd(depth);
    while (this.peek()?.kind === 'or') {
      const op = this.lexemes[this.i++]!.text;
      const next = this.parseAnd(depth);
      if (!current || !next) throw queryError('or-sides', { op: operatorName(op) });
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
          throw queryError('and-sides', { op: operatorName(l.text) });
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
        throw queryError('not-needs-word', { op: operatorName(l.text) });
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
      if (this.peek()?.kind !== 'close') throw queryError('unclosed-bracket');
      this.i++;
      if (!inner) throw queryError('empty-brackets');
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
      throw queryError('field-needs-value', { field: l.field!, example: exampleFor(name) });
    }
    if (name === 'title' || name === 'note') {
      if (l.valueKind === 'phrase') return { type: 'phrase', text: value, field: name };
      if (l.valueKind === 'group') {
        throw queryError('text-field-one-word', { field: l.field! });
      }
      return wordNode(value, name);
    }
    if (l.valueKind === 'group') throw queryError('field-one-value', { field: l.field!, example: exampleFor(name) });
    if (name === 'sort') {
      if (!/^(date|datum|new|newest|relevance)$/i.test(value)) throw queryError('sort-value', { field: l.field! });
      this.sort = /^relevance$/i.test(value) ? 'relevance' : 'date';
      return null;
    }
    if (name === 'after' || name === 'before' || name === 'since') return dateNode(name, l.field!, value, this.now);
    return filterNode(name as FilterName, l.field!, value);
  }
}

/** An operator as typed, for messages: OR / ODER / NOT / NICHT as words, "-" and "|" in quotes. */
function operatorName(text: string): string {
  return /^\p{L}+$/u.test(text) ? text : `"${text}"`;
}

function exampleFor(name: string): string {
  const examples: Record<string, string> = {
    outlet: 'outlet:"Der Standard"', lang: 'lang:de', theme: 'theme:3f2a', tag: 'tag:ukraine', has: 'has:note',
    title: 'title:Kursk', note: 'note:Quelle',
    after: 'after:2026-11-01', before: 'before:2026-12-01', since: 'since:7d', sort: 'sort:date',
  };
  return examples[name] ?? `${name}:word`;
}

// The capital-I form only in the plural: "LinkedIn" is a name.
const GENDER_INCLUSIVE = /^(=?\p{L}{2,}\p{Ll})(?:[*:_·]in(?:nen)?|Innen)$/u;

function wordNode(raw: string, field: TextField | null): QueryNode | null {
  let text = raw;
  const strict = text.startsWith('=');
  if (strict) text = text.slice(1);
  let fuzzy = 0;
  const f = /~(\d*)$/.exec(text);
  if (f) {
    fuzzy = f[1] === '' ? 1 : Number(f[1]);
    if (fuzzy < 1 || fuzzy > 2) throw queryError('fuzzy-range', { word: text.slice(0, f.index) });
    text = text.slice(0, f.index);
  }
  // A gender-inclusive spelling ("Lehrer*innen", "Lehrer:innen", "Lehrer_innen", "LehrerInnen") means the word
  // with its feminine forms, which the word finds anyway (see feminineForms in german-forms.ts).
  const inclusive = GENDER_INCLUSIVE.exec(text);
  if (inclusive) text = inclusive[1]!;
  const prefix = text.endsWith('*');
  if (prefix) text = text.replace(/\*+$/, '');
  if (text.includes('*')) throw queryError('star-inside', { word: text.replace(/\*/g, '') });
  if (prefix && fuzzy) throw queryError('prefix-and-fuzzy', { word: text });
  if (text === '') {
    if (prefix) throw queryError('star-alone');
    if (strict) throw queryError('equals-alone');
    if (fuzzy) throw queryError('tilde-alone');
    return null;
  }
  if (prefix && [...text].filter((c) => /[\p{L}\p{N}]/u.test(c)).length < 2) {
    throw queryError('prefix-too-short', { word: text });
  }
  return { type: 'word', text, prefix, fuzzy, strict, field };
}

/** Parses a query; throws DossierError('search/bad-query') with a helpful message for malformed input. */
export function parseQuery(q: string, now: Date = new Date()): ParsedQuery {
  if (q.length > 2000) throw queryError('too-long');
  const parser = new Parser(lexQuery(q, FIELD_ALIASES), now);
  const root = parser.parse();
  return { root, sort: parser.sort };
}
