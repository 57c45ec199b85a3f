// Splits a query string into lexemes for the parser: words, "phrases" („German“ and “curly” quotes too),
// brackets, OR/AND/NOT (upper case, or ODER/UND/NICHT), a leading "-", and field:value pairs.
import { queryError } from './query-errors.ts';

export interface Lexeme {
  kind: 'word' | 'phrase' | 'field' | 'open' | 'close' | 'or' | 'and' | 'not';
  text: string;
  /** For kind 'field': the field name as typed. */
  field?: string;
  valueKind?: 'word' | 'phrase' | 'group';
}

const OPEN_QUOTES: Record<string, string> = { '"': '"', '„': '“', '“': '”', '«': '»', '»': '«' };
const CLOSE_ALTERNATIVES = new Set(['"', '“', '”', '«', '»']);
const OPERATORS: Record<string, Lexeme['kind']> = { OR: 'or', ODER: 'or', '|': 'or', AND: 'and', UND: 'and', NOT: 'not', NICHT: 'not' };
const WORD_END = /[\s()"„“”«»]/;

const unclosedQuote = () => queryError('unclosed-quote');

function readQuoted(q: string, i: number): { text: string; next: number } {
  const open = q[i]!;
  const close = OPEN_QUOTES[open]!;
  for (let j = i + 1; j < q.length; j++) {
    if (q[j] === close || (open === '"' ? q[j] === '"' : CLOSE_ALTERNATIVES.has(q[j]!))) return { text: q.slice(i + 1, j), next: j + 1 };
  }
  throw unclosedQuote();
}

function readWord(q: string, i: number): { text: string; next: number } {
  let j = i;
  while (j < q.length && !WORD_END.test(q[j]!)) j++;
  return { text: q.slice(i, j), next: j };
}

export function lexQuery(q: string, fields: Record<string, string>): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(') { out.push({ kind: 'open', text: c }); i++; continue; }
    if (c === ')') { out.push({ kind: 'close', text: c }); i++; continue; }
    if (c in OPEN_QUOTES && !(c === '»' && !q.includes('«', i))) {
      const { text, next } = readQuoted(q, i);
      out.push({ kind: 'phrase', text });
      i = next;
      continue;
    }
    if (c === '“' || c === '”') throw unclosedQuote();
    if (c === '-' && i + 1 < q.length && !/\s/.test(q[i + 1]!)) {
      out.push({ kind: 'not', text: '-' });
      i++;
      continue;
    }
    const { text, next } = readWord(q, i);
    i = next;
    if (text === '-') {
      if (i >= q.length) out.push({ kind: 'not', text: '-' });
      continue; // a lone dash between words is punctuation
    }
    const op = OPERATORS[text];
    if (op) { out.push({ kind: op, text }); continue; }
    const colon = text.indexOf(':');
    const name = colon > 0 ? text.slice(0, colon) : '';
    if (name && fields[name.toLowerCase()]) {
      const rest = text.slice(colon + 1);
      if (rest === '' && i < q.length && q[i]! in OPEN_QUOTES) {
        const quoted = readQuoted(q, i);
        i = quoted.next;
        out.push({ kind: 'field', field: name, text: quoted.text, valueKind: 'phrase' });
      } else if (rest === '' && q[i] === '(') {
        out.push({ kind: 'field', field: name, text: '', valueKind: 'group' });
      } else {
        out.push({ kind: 'field', field: name, text: rest, valueKind: 'word' });
      }
      continue;
    }
    out.push({ kind: 'word', text });
  }
  return out;
}
