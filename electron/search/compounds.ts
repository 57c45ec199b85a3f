// German compounds at query time: finds index terms that contain a query word as a part ("munition" in
// "streumunition", "angriff" in "raketenangriff" and "angriffskrieg"), and rejects wrong splits
// ("alterung" in "wandhalterung": "wandh" is no word) using the index's own vocabulary and German word shapes.
import { isStopWord, termKey } from './analyze.ts';

export interface Vocabulary {
  /** Number of term ids handed out so far (ids are dense, terms never change). */
  readonly termCount: number;
  term(id: number): string;
  has(term: string): boolean;
}

/** A compound term containing the query word at [start, end) of the term (index-key coordinates). */
export interface CompoundPart { termId: number; term: string; start: number; end: number }

// Linking elements (Fugenelemente) between the parts: "Raketen|angriff", "Angriff|s|krieg", "Kinder|garten".
const LINKS = ['ens', 'es', 'en', 'er', 'ns', 's', 'n', 'e'];
const VOWEL = /[aeiouy]/;
// Word endings a German word can have after a vowel; anything else ("wandh", "verw") is not a word.
const FINAL_CLUSTERS = new Set(['ch', 'ck', 'ng', 'nk', 'nd', 'nt', 'ns', 'nz', 'rt', 'rd', 'rn', 'rm', 'rk', 'rg', 'rb', 'rf',
  'rs', 'rz', 'rl', 'rch', 'lt', 'ld', 'lk', 'lm', 'ls', 'lz', 'lf', 'lb', 'st', 'ft', 'cht', 'pf', 'tz', 'sch', 'ts', 'hr', 'hl', 'hn',
  'hm', 'ht', 'ss', 'ff', 'll', 'mm', 'nn', 'tt', 'pp', 'mt', 'mp', 'mpf', 'nf', 'gt', 'kt', 'pt', 'bt', 'ks', 'chs', 'fs', 'xt', 'nkt', 'ngs',
  'dt', 'rst', 'rzt', 'nft', 'cks', 'tsch', 'lch', 'nch', 'gst', 'chst', 'rtz', 'ndt', 'ps', 'nks', 'lsch', 'rsch', 'nst', 'ngst']);

function looksLikeGermanWord(w: string): boolean {
  if (w.length < 4 || !VOWEL.test(w)) return false;
  const last = w.length - 1;
  if (VOWEL.test(w[last]!)) return true;
  let i = last;
  while (i >= 0 && !VOWEL.test(w[i]!)) i--;
  const cluster = w.slice(i + 1);
  return cluster.length === 1 ? cluster !== 'h' && cluster !== 'j' && cluster !== 'q' : FINAL_CLUSTERS.has(cluster);
}

// Derivational endings and short stems that only look like words inside others ("steigend" is no compound of "Ende").
const SUFFIX_LIKE = new Set(['end', 'ung', 'heit', 'keit', 'lich', 'isch', 'bar', 'sam', 'los', 'haft', 'schaft', 'tum', 'ant',
  'ent', 'ist', 'ion', 'tat', 'ier', 'ern', 'eln', 'ner', 'ler', 'ens', 'nis']);
// Verb particles and prefixes (folded) that make derivations, not compounds: "unge|recht", "ver|walter", "über|zeit".
const PARTICLES = new Set(['ab', 'an', 'auf', 'aus', 'bei', 'durch', 'ein', 'fur', 'gegen', 'hinter', 'mit', 'nach', 'neben',
  'uber', 'um', 'unter', 'vor', 'wider', 'zu', 'zuruck', 'zusammen', 'weg', 'her', 'hin', 'los', 'un', 'ge', 'be', 'ver', 'zer',
  'ent', 'er', 'emp', 'miss', 'fest', 'frei', 'herein', 'heraus', 'hinaus', 'voran', 'vorbei', 'wieder', 'weiter', 'dar', 'da']);

function isParticle(left: string): boolean {
  if (PARTICLES.has(left)) return true;
  const bare = left.replace(/^un/, '').replace(/(ge|zu)$/, '');
  return bare === '' || PARTICLES.has(bare);
}

const CACHE_LIMIT = 500;

// Plural and case endings of a query word, which the word does not have inside a compound: "Regierungen" leads
// "Regierungssprecher" as "Regierung" does.
const INFLECTIONS = ['nen', 'ern', 'en', 'er', 'es', 'n', 'e', 's'];

/**
 * What may follow the stem `q` of the query word `word` inside a compound, longest first: the rest of the word
 * ("ung" of "regierung" after "regier"), and that rest without an inflection ("ungen" of "regierungen" -> "ung").
 */
function restsAfterStem(q: string, word: string): string[] {
  if (word.length <= q.length || !word.startsWith(q)) return [];
  const rest = word.slice(q.length);
  const ending = INFLECTIONS.find((e) => rest.length > e.length && rest.endsWith(e));
  return ending === undefined ? [rest] : [rest, rest.slice(0, -ending.length)];
}

export class CompoundFinder {
  // All terms in id order, "\n"-separated, searched with indexOf: a few milliseconds even for a large vocabulary.
  private blob = '\n';
  private starts: number[] = [];
  private covered = 0;
  private readonly cache = new Map<string, CompoundPart[]>();

  constructor(private readonly vocab: Vocabulary) {}

  /** A word the library has, as written or by its stem ("sicherheit" is indexed as Snowball's "sich"). */
  private known(w: string): boolean {
    return w.length >= 3 && !isStopWord(w, 'de') && (this.vocab.has(w) || this.vocab.has(termKey(w, 'de')));
  }

  /** The known word `w` is, possibly followed by a linking element ("raketen" -> "raket"), or null. */
  private knownWithLink(w: string): string | null {
    if (this.known(w)) return w;
    const l = LINKS.find((link) => w.endsWith(link) && this.known(w.slice(0, -link.length)));
    return l === undefined ? null : w.slice(0, -l.length);
  }

  private leftOk(left: string, q: string): boolean {
    if (left === '') return true;
    if (isParticle(left) || isStopWord(left, 'de')) return false;
    // A three-letter stem ("rat", "amt", "alt") hides inside many words: only after a word the library knows
    // that also has the shape of one (stems like "nachh" from "nachher" do not).
    if (q.length <= 3) {
      const base = left.length >= 4 ? this.knownWithLink(left) : null;
      return base !== null && looksLikeGermanWord(base.length >= 4 ? base : left);
    }
    if (left.length < 3) return false;
    if (this.knownWithLink(left) !== null) return true;
    const bare = LINKS.find((l) => left.endsWith(l) && looksLikeGermanWord(left.slice(0, -l.length)));
    return looksLikeGermanWord(left) || (bare !== undefined && left.length >= 5);
  }

  /**
   * The rest of the term after the query word: nothing, or a word the library knows, possibly after a linking
   * element. Three-letter heads ("Sicherheits|rat", "Wohnungs|bau", "Partei|tag") only after a long query word,
   * where a chance match is unlikely; never a derivational ending ("Arbeits|los" is no compound of "los").
   */
  private rightOk(right: string, minHead: number): boolean {
    if (right === '') return true;
    const word = (w: string) => w.length >= minHead && !SUFFIX_LIKE.has(w) && this.known(w);
    return word(right) || LINKS.some((l) => right.startsWith(l) && word(right.slice(l.length)));
  }

  private extend(): void {
    const n = this.vocab.termCount;
    if (this.covered === n) return;
    const parts: string[] = [];
    let at = this.blob.length;
    for (let id = this.covered; id < n; id++) {
      const t = this.vocab.term(id);
      this.starts.push(at);
      parts.push(t);
      at += t.length + 1;
    }
    this.blob += `${parts.join('\n')}\n`;
    this.covered = n;
    this.cache.clear();
  }

  private termAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Compound terms containing `q` (a German index key) as a part, never `q` itself. `word` is the query word
   * folded but not stemmed: a stem is often shorter than its word ("regierung" is indexed as "regier"), and a
   * compound's key keeps the whole word where it is not the last part ("regierungssprech"), so after the stem
   * the rest of the word may follow before the next part.
   */
  find(q: string, word = q): CompoundPart[] {
    if (q.length < 3 || /\d/.test(q) || q.startsWith('!') || SUFFIX_LIKE.has(q)) return [];
    this.extend();
    const rests = restsAfterStem(q, word);
    const cacheKey = `${q} ${rests.join(' ')}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const found: CompoundPart[] = [];
    const seen = new Set<number>();
    for (let at = this.blob.indexOf(q); at >= 0; at = this.blob.indexOf(q, at + 1)) {
      const id = this.termAt(at);
      if (seen.has(id)) continue;
      const term = this.vocab.term(id);
      if (term.length < q.length + 3 || term.startsWith('!') || term.includes('-')) continue;
      const start = at - this.starts[id]!;
      const end = this.partEnd(term, q, rests, start);
      if (end > 0) { found.push({ termId: id, term, start, end }); seen.add(id); }
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(cacheKey, found);
    return found;
  }

  /** Where the query word found at `start` of `term` ends as a part of it (with a rest of the word if one follows); -1 if it is none. */
  private partEnd(term: string, q: string, rests: readonly string[], start: number): number {
    const left = term.slice(0, start);
    const right = term.slice(start + q.length);
    if (this.check(left, right, q)) return start + q.length;
    const rest = rests.find((r) => right.startsWith(r) && this.check(left, right.slice(r.length), q + r));
    return rest === undefined ? -1 : start + q.length + rest.length;
  }

  private check(left: string, right: string, q: string): boolean {
    const minHead = q.length >= 6 ? 3 : 4;
    // As the first part ("angriff" in "angriffskrieg") the rest must be a word the library knows.
    if (left === '') return q.length >= 4 && this.rightOk(right, minHead);
    if (q.length <= 3 && right !== '') return false;
    return this.leftOk(left, q) && this.rightOk(right, minHead);
  }
}
