// Snippets: the passage of a field where the query matched best, with highlight offsets computed on the
// original text (UTF-16 offsets from the tokenizer), so umlauts and emoji never shift a highlight.
import type { Range, Snippet } from '../article.ts';
import { indexWords, type WordTerms } from './analyze.ts';
import type { MatchInfo } from './evaluate.ts';
import type { IndexHit } from './search-index.ts';
import { foldWithOrigins } from './fold-map.ts';

interface Slot { keys: string[]; start: number; end: number }

/** Surface range of piece `offset` of a hyphenated token ("Jong" in "Jong-un"); the whole token if unsure. */
function pieceRange(text: string, w: WordTerms, offset: number): Range {
  const surface = text.slice(w.token.start, w.token.end);
  const pieces = surface.split(/[-‐‑'’]/);
  if (pieces.length <= offset) return [w.token.start, w.token.end];
  let at = w.token.start;
  for (let i = 0; i < offset; i++) at += pieces[i]!.length + 1;
  return [at, at + pieces[offset]!.length];
}

/** Surface range of a compound part given in index-key coordinates ("angriff" in "Raketenangriffen"). */
function partRange(w: WordTerms, part: { start: number; end: number }): Range {
  const { folded, origins } = foldWithOrigins(w.token.term);
  if (folded.slice(part.start, part.end) !== w.key.slice(part.start, part.end) || w.token.term.length !== w.token.end - w.token.start) {
    return [w.token.start, w.token.end];
  }
  const end = part.end >= w.key.length ? w.token.end : w.token.start + origins[part.end]!;
  return [w.token.start + origins[part.start]!, end];
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Ranges of `text` (UTF-16 offsets) where the query matched: words, word parts, compound parts, phrases. */
export function matchRanges(text: string, match: MatchInfo): Range[] {
  const keys = new Set(match.keys);
  const parts = new Map(match.parts.map((p) => [p.key, p]));
  const ranges: Range[] = [];
  const byPosition = new Map<number, Slot[]>();
  const at = (position: number, slot: Slot) => {
    const list = byPosition.get(position);
    if (list) list.push(slot); else byPosition.set(position, [slot]);
  };
  for (const w of indexWords(text, match.language)) {
    const whole = [w.key, ...(w.strict ? [w.strict] : [])];
    at(w.position, { keys: whole, start: w.token.start, end: w.token.end });
    if (whole.some((k) => keys.has(k))) ranges.push([w.token.start, w.token.end]);
    else {
      const part = parts.get(w.key);
      if (part) ranges.push(partRange(w, part));
    }
    for (const p of w.parts) {
      const [start, end] = pieceRange(text, w, p.offset);
      at(w.position + p.offset, { keys: [p.key], start, end });
      if (keys.has(p.key) && !whole.some((k) => keys.has(k))) ranges.push([start, end]);
    }
  }
  for (const phrase of match.phrases) {
    const first = phrase[0]!;
    for (const [position, slots] of byPosition) {
      const head = slots.find((s) => s.keys.some((k) => first.keys.includes(k)));
      if (!head) continue;
      const base = position - first.offset;
      let end = head.end;
      const ok = phrase.every((el) => {
        const hit = byPosition.get(base + el.offset)?.find((s) => s.keys.some((k) => el.keys.includes(k)));
        if (hit) end = Math.max(end, hit.end);
        return hit !== undefined;
      });
      if (ok) ranges.push([head.start, end]);
    }
  }
  return mergeRanges(ranges);
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
  if (hit.matchedIn.includes('title')) out.push({ field: 'title', text: doc.title, highlights: matchRanges(doc.title, hit.match) });
  const textRanges = matchRanges(doc.text, hit.match);
  if (textRanges.length > 0 || !hit.matchedIn.includes('note')) out.push(cutSnippet('text', doc.text, textRanges, maxLength));
  if (hit.matchedIn.includes('note')) out.push(cutSnippet('note', doc.note, matchRanges(doc.note, hit.match), maxLength));
  return out;
}
