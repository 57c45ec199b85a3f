// Extractive key points: the sentences of a theme's articles that carry most of its salient terms,
// without repeats, each pointing at the exact passage (offsets into the article text) it came from.
import type { KeyPoint } from '../article.ts';
import { tokenize } from '../search/analyze.ts';
import type { TermScores } from './labels.ts';
import { termOf, type DocFeatures, type Vocabulary } from './vectorize.ts';

const ABBREVIATIONS = new Set(['dr', 'prof', 'st', 'mr', 'mrs', 'ms', 'nr', 'bzw', 'ca', 'vgl', 'inc', 'ltd', 'co',
  'z.b', 'u.a', 'd.h', 'u.s', 'jan', 'feb', 'aug', 'sept', 'okt', 'oct', 'nov', 'dez', 'dec', 'gen', 'sen', 'vs']);

/** Sentence spans [start, end) of a text: ends at . ! ? (not after abbreviations or ordinals) or a line break. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push([s, e]);
    start = end;
  };
  for (const m of text.matchAll(/[.!?]+["“”»«'’)\]]*(?=\s)|\n+/g)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && !m[0].startsWith('\n')) {
      const before = /([\p{L}\d.]+)\.$/u.exec(text.slice(Math.max(start, m.index - 12), m.index + 1));
      const word = before?.[1]?.toLowerCase() ?? '';
      // "Dr. Müller", "z.B. Kiew", "11. Juli" do not end a sentence.
      if (ABBREVIATIONS.has(word) || /^\d{1,2}$/.test(word) || /^\p{L}$/u.test(word)) continue;
    }
    push(end);
  }
  push(text.length);
  return spans;
}

const MIN_CHARS = 40;
const MAX_CHARS = 350;

interface Candidate { point: KeyPoint; score: number; terms: Set<number> }

function candidates(doc: DocFeatures, scores: TermScores, vocab: Vocabulary, maxSentences: number): Candidate[] {
  const text = doc.input.text;
  const out: Candidate[] = [];
  const spans = sentenceSpans(text).slice(0, maxSentences);
  spans.forEach(([start, end], position) => {
    const s = text.slice(start, end);
    // Headings and captions are not sentences a journalist would quote.
    if (s.length < MIN_CHARS || s.length > MAX_CHARS || !/[.!?]["“”»«'’)\]]*$/.test(s)) return;
    const terms = new Set<number>();
    let count = 0;
    for (const tok of tokenize(s)) {
      const id = termOf(tok.term, doc.input.language, vocab);
      count++;
      if (id !== undefined) terms.add(id);
    }
    let sum = 0;
    for (const t of terms) sum += scores.get(t) ?? 0;
    const lead = position < 2 ? 1.2 : 1;
    out.push({ point: { text: s, articleId: doc.input.id, start, end }, score: (sum / Math.sqrt(count + 4)) * lead, terms });
  });
  return out;
}

function overlap(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (Math.min(a.size, b.size) || 1);
}

/** Up to `limit` key points for a theme, best first; at most two from one article when several exist. */
export function keyPoints(docs: readonly DocFeatures[], scores: TermScores, vocab: Vocabulary, limit?: number): KeyPoint[] {
  const want = limit ?? (docs.length === 1 ? 3 : docs.length < 5 ? 4 : 5);
  // The articles closest to the theme say most about it; reading twelve is enough.
  const central = [...docs].map((d) => {
    let s = 0;
    for (const [t, c] of d.tf) s += (scores.get(t) ?? 0) * Math.min(c, 3);
    return { d, s };
  }).sort((a, b) => b.s - a.s || a.d.input.id - b.d.input.id).slice(0, 12).map((x) => x.d);
  const all = central.flatMap((d) => candidates(d, scores, vocab, docs.length === 1 ? 200 : 25))
    .sort((a, b) => b.score - a.score || a.point.articleId - b.point.articleId || a.point.start - b.point.start);
  const chosen: Candidate[] = [];
  const perArticle = new Map<number, number>();
  for (const c of all) {
    if (chosen.length >= want) break;
    if ((perArticle.get(c.point.articleId) ?? 0) >= (docs.length > 1 ? 2 : want)) continue;
    if (chosen.some((x) => overlap(x.terms, c.terms) > 0.5)) continue;
    chosen.push(c);
    perArticle.set(c.point.articleId, (perArticle.get(c.point.articleId) ?? 0) + 1);
  }
  return chosen.map((c) => c.point);
}
