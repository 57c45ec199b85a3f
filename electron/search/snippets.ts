// Snippets: the passage of a field where the query matched best, with highlight offsets computed on the
// original text (UTF-16 offsets from the tokenizer), so umlauts and emoji never shift a highlight.
import type { Range, Snippet } from '../article.ts';
import { termKey, tokenize, stem } from './analyze.ts';
import type { IndexHit } from './search-index.ts';

const KEY_LANGUAGES = ['de', 'en'];

function matchesKey(term: string, keys: Set<string>, strictKeys: Set<string>): boolean {
  const parts = term.includes('-') ? [term, ...term.split('-')] : [term];
  return parts.some((p) => KEY_LANGUAGES.some((l) => keys.has(termKey(p, l))
    || strictKeys.has(`!${stem(p.replace(/ß/g, 'ss'), l)}`)));
}

/** Ranges of matched words in `text`. */
export function matchRanges(text: string, hit: IndexHit): Range[] {
  const keys = new Set(hit.match.keys);
  const strict = new Set(hit.match.strictKeys);
  return tokenize(text).filter((t) => matchesKey(t.term, keys, strict)).map((t) => [t.start, t.end] as Range);
}

/** Cuts a window of about `maxLength` characters around the densest run of matches, at word boundaries. */
/** Collapses whitespace to one line: a paragraph break becomes " — " so a heading never runs into the text. */
function flatten(text: string): { flat: string; map: number[] } {
  const map: number[] = new Array(text.length + 1);
  let flat = '';
  let i = 0;
  for (const m of text.matchAll(/\s+/g)) {
    for (; i < m.index; i++) { map[i] = flat.length; flat += text[i]; }
    const sep = m.index === 0 || m.index + m[0].length === text.length ? '' : m[0].includes('\n') ? ' — ' : ' ';
    for (; i < m.index + m[0].length; i++) map[i] = flat.length;
    flat += sep;
  }
  for (; i < text.length; i++) { map[i] = flat.length; flat += text[i]; }
  map[text.length] = flat.length;
  return { flat, map };
}

/** Cuts a window of about `maxLength` characters around the densest run of matches, at word boundaries. */
export function cutSnippet(field: Snippet['field'], text: string, ranges: Range[], maxLength: number): Snippet {
  const { flat, map } = flatten(text);
  const folded = ranges.map(([a, b]) => [map[a]!, map[b]!] as Range);
  if (flat.length <= maxLength) return { field, text: flat, highlights: folded };
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < folded.length; i++) {
    const count = folded.filter(([a]) => a >= folded[i]![0] && a < folded[i]![0] + maxLength * 0.7).length;
    if (count > bestCount) { best = i; bestCount = count; }
  }
  const anchor = folded[best]?.[0] ?? 0;
  let start = Math.max(0, anchor - Math.floor(maxLength * 0.3));
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + maxLength);
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  const prefix = start > 0 ? '… ' : '';
  const body = flat.slice(start, end).replace(/^— /, '').replace(/ —$/, '');
  const shift = flat.slice(start, end).startsWith('— ') ? 2 : 0;
  const highlights = folded.filter(([a, b]) => a >= start + shift && b <= end)
    .map(([a, b]) => [a - start - shift + prefix.length, b - start - shift + prefix.length] as Range);
  return { field, text: prefix + body + (end < flat.length ? ' …' : ''), highlights };
}

export function makeSnippets(doc: { title: string; text: string; note: string }, hit: IndexHit, opts: { maxLength?: number } = {}): Snippet[] {
  const maxLength = opts.maxLength ?? 220;
  const out: Snippet[] = [];
  if (hit.matchedIn.includes('title')) out.push({ field: 'title', text: doc.title, highlights: matchRanges(doc.title, hit) });
  const textRanges = matchRanges(doc.text, hit);
  if (textRanges.length > 0 || !hit.matchedIn.includes('note')) out.push(cutSnippet('text', doc.text, textRanges, maxLength));
  if (hit.matchedIn.includes('note')) out.push(cutSnippet('note', doc.note, matchRanges(doc.note, hit), maxLength));
  return out;
}
