// Readable theme and story labels from a group's own words: its salient terms and entities (display forms
// such as "Nordkorea", not stems) and, when several articles share one, a two-word phrase from their titles
// and leads ("Premier League"). Joined in the group's language: "Kursk, Nordkorea und Ukraine".
import { foldName } from './entity-data.ts';
import { stemOf, type DocFeatures, type SparseVector, type Vocabulary } from './vectorize.ts';

/** Term id -> salience within a group (mean weight, favouring terms most members share). */
export type TermScores = Map<number, number>;

const ENTITY_BONUS = 1.25;

export function scoreTerms(vectors: readonly SparseVector[], vocab: Vocabulary): TermScores {
  const sum = new Map<number, number>();
  const seen = new Map<number, number>();
  for (const v of vectors) {
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k]!;
      sum.set(t, (sum.get(t) ?? 0) + v.w[k]!);
      seen.set(t, (seen.get(t) ?? 0) + 1);
    }
  }
  const n = vectors.length || 1;
  const out: TermScores = new Map();
  for (const [t, s] of sum) {
    const coverage = seen.get(t)! / n;
    out.set(t, (s / n) * (0.5 + 0.5 * coverage) * (vocab.isEntity(t) ? ENTITY_BONUS : 1));
  }
  return out;
}

interface Pick { ids: number[]; text: string; score: number }

/** The group's characteristic display terms, best first, without repeats ("Nordkorea" once). */
export function displayTerms(scores: TermScores, vocab: Vocabulary, limit = 8, language?: string,
  allowed: (id: number) => boolean = () => true): Pick[] {
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const picks: Pick[] = [];
  const words = new Set<string>();
  const fuller = fullerNames(ranked, vocab, language, allowed);
  for (const [id, score] of ranked) {
    if (picks.length >= limit) break;
    if (!allowed(id)) continue;
    const text = fuller.get(id) ?? vocab.surface(id, language);
    if (!text || /^\d/.test(text)) continue;
    const parts = text.split(/[\s-]+/).flatMap((p) => [foldName(p), stemOf(p, language ?? 'und')]);
    if (parts.some((p) => words.has(p)) || words.has(foldName(text))) continue;
    if (picks.some((q) => oneWordVariant(q.text, text))) continue;
    // A bare word that an entity already names ("Sacharowa" inside "Maria Sacharowa") adds nothing.
    parts.forEach((p) => words.add(p));
    words.add(foldName(text));
    picks.push({ ids: [id], text, score });
  }
  return picks;
}

/**
 * Two single words of which one is the other plus an ending of up to two letters ("India" and "Indian",
 * "Israel" and "Israeli", "Ukraine" and "Ukrainer"): a label names the thing once.
 */
function oneWordVariant(a: string, b: string): boolean {
  if (/[\s-]/.test(a) || /[\s-]/.test(b)) return false;
  const [short, long] = a.length <= b.length ? [foldName(a), foldName(b)] : [foldName(b), foldName(a)];
  return short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short);
}

/** How far down the ranking a name may be and still stand in for one of its words. */
const FULLER_RANK = 40;
const FULLER_SHARE = 0.3;

/**
 * Bare words that are part of a name the group also uses, mapped to that name: a label says "Sri Lanka" and
 * "Jet Airways", not "Sri" and "Airways", when the name's weight is a fair share of the word's.
 */
function fullerNames(ranked: ReadonlyArray<readonly [number, number]>, vocab: Vocabulary, language: string | undefined,
  allowed: (id: number) => boolean): Map<number, string> {
  const names: Array<{ text: string; parts: Set<string>; score: number }> = [];
  for (const [id, score] of ranked.slice(0, FULLER_RANK)) {
    if (!vocab.isEntity(id) || !allowed(id)) continue;
    const text = vocab.surface(id, language);
    const parts = text?.split(/[\s-]+/) ?? [];
    if (text && parts.length > 1) names.push({ text, parts: new Set(parts.map(foldName)), score });
  }
  const out = new Map<number, string>();
  if (names.length === 0) return out;
  for (const [id, score] of ranked.slice(0, FULLER_RANK)) {
    if (vocab.isEntity(id)) continue;
    const text = vocab.surface(id, language);
    if (!text || /\s/.test(text)) continue;
    const name = names.find((n) => n.parts.has(foldName(text)) && n.score >= score * FULLER_SHARE);
    if (name) out.set(id, name.text);
  }
  return out;
}

function bestPhrase(docs: readonly DocFeatures[], scores: TermScores, vocab: Vocabulary, language: string): Pick | null {
  const support = new Map<string, number>();
  for (const d of docs) if (d.input.language === language) for (const p of d.phrases) support.set(p, (support.get(p) ?? 0) + 1);
  const need = docs.length >= 3 ? Math.max(2, Math.ceil(docs.length * 0.25)) : 1;
  let best: Pick | null = null;
  for (const [key, count] of support) {
    if (count < need) continue;
    const ids = key.split(' ').map(Number);
    const s = ids.map((id) => scores.get(id) ?? 0);
    if (s.some((x) => x === 0)) continue;
    const score = (s.reduce((a, b) => a + b, 0) / 2) * (count / docs.length);
    if (!best || score > best.score || (score === best.score && key < best.ids.join(' '))) {
      best = { ids, text: vocab.phraseSurface(key), score };
    }
  }
  return best;
}

/** Majority language of a group; on a tie, the language of its newest article. */
export function groupLanguage(docs: readonly DocFeatures[]): string {
  const n = new Map<string, { count: number; newest: number }>();
  for (const d of docs) {
    const e = n.get(d.input.language) ?? { count: 0, newest: -Infinity };
    n.set(d.input.language, { count: e.count + 1, newest: Math.max(e.newest, d.time) });
  }
  return [...n].sort((a, b) => b[1].count - a[1].count || b[1].newest - a[1].newest || a[0].localeCompare(b[0]))[0]?.[0] ?? 'en';
}

/** Words a label may use: names from any article, other words only from articles in the label's language. */
function inLanguage(docs: readonly DocFeatures[], language: string, vocab: Vocabulary): (id: number) => boolean {
  const own = docs.filter((d) => d.input.language === language);
  if (own.length === docs.length) return () => true;
  return (id) => vocab.isEntity(id) || own.some((d) => d.tf.has(id));
}

function nounLike(f: { cap: number; lower: number } | undefined): boolean {
  return !f || f.cap > f.lower;
}

function sharedByTwo(docs: readonly DocFeatures[], id: number): boolean {
  let n = 0;
  for (const d of docs) if (d.tf.has(id) && ++n >= 2) return true;
  return false;
}

function joinWords(parts: string[], language: string): string {
  if (parts.length <= 1) return parts[0] ?? '';
  const and = language === 'de' ? 'und' : language === 'fr' ? 'et' : 'and';
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A 2–5 word label for a group of articles; never empty, never "Cluster N". */
export function labelGroup(docs: readonly DocFeatures[], scores: TermScores, vocab: Vocabulary): { label: string; terms: string[] } {
  const language = groupLanguage(docs);
  const inLang = inLanguage(docs, language, vocab);
  // German capitalises nouns: a word mostly written in lower case there ("nämlich", "gebrochen") is no topic.
  const forms = language === 'de' ? vocab.forms.get('de') : undefined;
  const allowed = forms ? (id: number) => inLang(id) && (vocab.isEntity(id) || nounLike(forms[id])) : inLang;
  // A label names what the articles share: with several articles, only words at least two of them use
  // (one article's "nämlich" or "Flamingos" says nothing about the theme).
  const shared = docs.length > 1 ? (id: number) => allowed(id) && sharedByTwo(docs, id) : allowed;
  let terms = displayTerms(scores, vocab, 10, language, shared);
  if (terms.length === 0) terms = displayTerms(scores, vocab, 10, language, allowed);
  const top = terms[0];
  const phrase = docs.length > 1 ? bestPhrase(docs, scores, vocab, language) : null;
  const parts: string[] = [];
  let words = 0;
  if (phrase && top && phrase.score >= top.score * 0.6) {
    parts.push(phrase.text);
    words += phrase.text.split(/\s+/).length;
  }
  const used = new Set(parts.flatMap((p) => p.split(/\s+/).map((w) => foldName(w))));
  for (const t of terms) {
    if (parts.length >= 3 || (top && parts.length >= 2 && t.score < top.score * 0.5)) break;
    const w = t.text.split(/\s+/);
    if (words + w.length > 5 || w.some((x) => used.has(foldName(x)))) continue;
    parts.push(t.text);
    words += w.length;
    w.forEach((x) => used.add(foldName(x)));
  }
  const fallback = docs[0]?.input.title.split(/\s+/).slice(0, 5).join(' ') || 'Untitled';
  const label = parts.length ? capitalise(joinWords(parts, language)) : fallback;
  return { label, terms: terms.map((t) => t.text) };
}
