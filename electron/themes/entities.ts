// Named entities (people, organisations, places) in German and English text: the bundled alias list first,
// then patterns (first name + surname, role word + name, "Region Kursk", acronyms, CamelCase brands),
// then the document's own short forms ("Trump" after "Donald Trump"). Offline, deterministic, fast.
import { isStopWord } from '../search/analyze.ts';
import { isLetter, isWord, runEnd, scannable } from '../search/token-scan.ts';
import {
  aliasHeads, englishPlaceTriggers, firstNames, foldName, gazetteer, notNames, organisationSuffixes,
  placeTriggers, roleWords, type EntityKind,
} from './entity-data.ts';

export type { EntityKind } from './entity-data.ts';

/** One occurrence of an entity; [start, end) are UTF-16 offsets into the text. */
export interface EntityMention {
  /** Canonical, spelling-independent key: "volodymyr zelensky" for Selenskyj and Zelenskyy alike. */
  key: string;
  /** The spelling used here, genitive "s" removed ("Nordkorea" for "Nordkoreas"). */
  name: string;
  kind: EntityKind;
  start: number;
  end: number;
}

export interface Word {
  s: string; start: number; end: number; cap: boolean; caps: boolean; sentStart: boolean; joined: boolean;
  /** What infoOf says of `s`, once looked up (a word is asked about several times). */
  info: WordInfo | undefined;
  /** What triggersOf says of `s`, once looked up. */
  triggers: Triggers | undefined;
}

const WORD = /\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’]\p{L}[\p{L}\p{M}\p{N}]*)*|\d+[\p{L}\d]*/gu;
const PARTICLES = new Set(['von', 'van', 'de', 'der', 'den', 'del', 'da', 'di', 'bin', 'al', 'le', 'la', 'du']);

/** The words of a text, as WORD finds them. */
export function scanWords(text: string): Word[] {
  return scannable(text) ? scanWordsByChars(text) : scanWordsByRegex(text);
}

/** Like scanWords, by the WORD regex: used for astral text, and the oracle the char scanner is tested against. */
export function scanWordsByRegex(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) addWord(words, text, m.index, m.index + m[0].length);
  return words;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetterOrDigit = (c: number): boolean => isDigit(c) || isLetter(c);
/** [-'’]: joiners inside a word. */
const isJoiner = (c: number): boolean => c === 0x2d || c === 0x27 || c === 0x2019;

/** WORD by char tests (several times faster than the regex): a scannable text's code units are its code points. */
function scanWordsByChars(text: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    let end: number;
    if (isLetter(c)) {
      // \p{L}[\p{L}\p{M}\p{N}]*(?:[-'’]\p{L}[\p{L}\p{M}\p{N}]*)*
      end = runEnd(text, i + 1, isWord);
      while (end + 1 < n && isJoiner(text.charCodeAt(end)) && isLetter(text.charCodeAt(end + 1))) end = runEnd(text, end + 2, isWord);
    } else if (isDigit(c)) {
      // \d+[\p{L}\d]*
      end = runEnd(text, runEnd(text, i + 1, isDigit), isLetterOrDigit);
    } else {
      i++;
      continue;
    }
    addWord(words, text, i, end);
    i = end;
  }
  return words;
}

function addWord(words: Word[], text: string, start: number, end: number): void {
  const s = text.slice(start, end);
  const prevEnd = words.length ? words[words.length - 1]!.end : 0;
  // Words of one name are separated by plain spaces only; . ! ? : ; or a line break end a sentence.
  let joined = start > prevEnd;
  let sentStart = words.length === 0;
  for (let k = prevEnd; k < start; k++) {
    const ch = text.charCodeAt(k);
    if (ch !== 32 && ch !== 0xa0) joined = false;
    if (ch === 46 || ch === 33 || ch === 63 || ch === 58 || ch === 59 || ch === 10 || ch === 0x2022) sentStart = true;
  }
  const c = s.charCodeAt(0);
  // ASCII decides by char code; other letters by case mapping.
  const cap = c < 0x80 ? c >= 65 && c <= 90 : s.charAt(0) !== s.charAt(0).toLowerCase();
  words.push({ s, start, end, cap, caps: cap && s.length > 1 && upperCase(s), sentStart, joined, info: undefined, triggers: undefined });
}

/** s === s.toUpperCase(), without building the upper-cased copy for plain ASCII words (no a-z: unchanged). */
export function upperCase(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x80) return s === s.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

const foldCache = new Map<string, string>();
function fold(s: string): string {
  let f = foldCache.get(s);
  if (f === undefined) {
    f = foldName(s);
    if (foldCache.size > 300_000) foldCache.clear();
    foldCache.set(s, f);
  }
  return f;
}

type Hit = { key: string; kind: EntityKind; name: string } | null;

function lookupForm(form: string, language: string, folded = fold(form)): Hit {
  const hit = gazetteer.get(folded);
  if (!hit || (hit.allCaps && form !== form.toUpperCase()) || (hit.language && hit.language !== language)) return null;
  return { key: hit.entry.key, kind: hit.entry.kind, name: form };
}

/** The alias-list entry a spelling names, also in the genitive ("Nordkoreas", "Russia's"). */
function lookup(surface: string, language: string, folded?: string): Hit {
  const hit = lookupForm(surface, language, folded);
  if (hit || !surface.endsWith('s')) return hit;
  if (/['’]s$/.test(surface)) return lookupForm(surface.slice(0, -2), language);
  return surface.length > 4 ? lookupForm(surface.slice(0, -1), language) : null;
}

interface WordInfo {
  folded: string; head: number; hit: Hit; nameLike: boolean;
  /** CamelCase ("DeepState", "McFaul"): an organisation, or a Mc/Mac person. */
  camel: boolean;
}
const CAMEL = /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u;
// One lookup per capitalised word instead of several: most names recur across a set of articles.
const wordInfos = new Map<string, Map<string, WordInfo>>();
function infoOf(word: string, language: string): WordInfo {
  let cache = wordInfos.get(language);
  if (!cache) wordInfos.set(language, cache = new Map());
  let info = cache.get(word);
  if (!info) {
    const folded = fold(word);
    const lower = word.toLowerCase();
    const nameLike = !notNames.has(lower) && !isStopWord(lower, language === 'de' ? 'de' : 'en');
    info = { folded, head: aliasHeads.get(folded) ?? 1, hit: lookup(word, language, folded), nameLike, camel: CAMEL.test(word) };
    if (cache.size > 200_000) cache.clear();
    cache.set(word, info);
  }
  return info;
}

const exactRoles = new Set(roleWords);
const roleSuffixes = roleWords.filter((r) => r.length >= 5);
function isRole(word: string): boolean {
  const w = word.toLowerCase().replace(/^.*-/, '');
  return exactRoles.has(w) || roleSuffixes.some((x) => w.length >= x.length + 3 && w.endsWith(x));
}

function isPlaceTrigger(word: string): boolean {
  const w = word.toLowerCase();
  if (placeTriggers.has(w)) return true;
  return ['region', 'gebiet', 'stadt', 'provinz'].some((t) => w.length > t.length + 2 && w.endsWith(t));
}

/** What a word standing before a name makes of it: a person (a role word) or a place (a place word). */
interface Triggers { role: boolean; place: boolean }
const triggerCache = new Map<string, Triggers>();

/** The Triggers of a scanned word, worked out once per spelling and looked up once per word. */
function triggersOf(w: Word): Triggers {
  if (w.triggers) return w.triggers;
  let t = triggerCache.get(w.s);
  if (!t) {
    t = { role: isRole(w.s), place: isPlaceTrigger(w.s) };
    if (triggerCache.size > 20_000) triggerCache.clear();
    triggerCache.set(w.s, t);
  }
  return w.triggers = t;
}

/** infoOf a scanned word, looked up once. */
function wordInfo(w: Word, language: string): WordInfo {
  return w.info ??= infoOf(w.s, language);
}

/** A capitalised word that may be (part of) a name in this language. */
function nameLike(w: Word, language: string): boolean {
  return w.cap && wordInfo(w, language).nameLike;
}

/** Extends a name from words[i] over following capitalised words (and name particles) joined by spaces. */
function nameRun(words: Word[], i: number, language: string, max = 4): number {
  let j = i + 1;
  while (j < words.length && j - i < max && words[j]!.joined) {
    const w = words[j]!;
    if (nameLike(w, language) && !wordInfo(w, language).hit) j++;
    else if (PARTICLES.has(w.s) && words[j + 1]?.cap && words[j + 1]?.joined) j += 2;
    else break;
  }
  return j;
}

function mention(words: Word[], i: number, j: number, kind: EntityKind, key?: string, name?: string): EntityMention {
  const n = name ?? words.slice(i, j).map((w) => w.s).join(' ');
  return { key: key ?? fold(n), name: n, kind, start: words[i]!.start, end: words[j - 1]!.end };
}

/** All entity mentions in one text, in order of appearance. */
export function extractEntities(text: string, language: string): EntityMention[] {
  const words = scanWords(text);
  const found: EntityMention[] = [];
  const english = language !== 'de';
  for (let i = 0; i < words.length;) {
    const w = words[i]!;
    if (!w.cap && !isDigit(w.s.charCodeAt(0))) { i++; continue; }
    // 1. The alias list, longest first; a hyphen compound may start with a name ("NATO-Generalsekretär").
    let matched = false;
    const info = wordInfo(w, language);
    for (let n = Math.min(info.head, words.length - i); n >= 1 && !matched; n--) {
      if (n > 1 && !words.slice(i + 1, i + n).every((x) => x.joined)) continue;
      const hit = n === 1 ? info.hit : lookup(words.slice(i, i + n).map((x) => x.s).join(' '), language);
      if (hit) {
        found.push({ key: hit.key, name: hit.name, kind: hit.kind, start: w.start, end: words[i + n - 1]!.end });
        i += n;
        matched = true;
      }
    }
    if (matched) continue;
    if (w.s.includes('-')) {
      const head = w.s.split('-')[0]!;
      const hit = head.length > 1 ? lookup(head, language) : null;
      if (hit) found.push({ key: hit.key, name: hit.name, kind: hit.kind, start: w.start, end: w.start + head.length });
      i++;
      continue;
    }
    if (!nameLike(w, language)) { i++; continue; }
    const before = i > 0 && w.joined ? words[i - 1]! : undefined;
    const prev = before ? before.s : '';
    const j = nameRun(words, i, language);
    // 2. People: a known first name opening two or more name words, or a role word before a name.
    if (j > i + 1 && firstNames.has(w.s.toLowerCase())) { found.push(mention(words, i, j, 'person')); i = j; continue; }
    if (before && triggersOf(before).role && !w.sentStart) { found.push(mention(words, i, Math.min(j, i + 3), 'person')); i = Math.min(j, i + 3); continue; }
    // 3. Places after a place word ("Region Kursk", "Gebiet Belgorod", "city of Kharkiv").
    const placeWord = before && (triggersOf(before).place || (i > 1 && englishPlaceTriggers.has(`${words[i - 2]!.s} ${prev}`.toLowerCase())));
    if (placeWord) { found.push(mention(words, i, i + 1, 'place')); i++; continue; }
    // 4. Acronyms and CamelCase names are organisations (EU-style acronyms, "DeepState").
    if (w.caps && /^\p{Lu}{2,6}$/u.test(w.s)) { found.push(mention(words, i, i + 1, 'organisation')); i++; continue; }
    if (info.camel) {
      const kind = /^Ma?c\p{Lu}/u.test(w.s) ? 'person' : 'organisation';
      found.push(mention(words, i, i + 1, kind));
      i++;
      continue;
    }
    // 5. English capitalises only names mid-sentence: a run of two or more is a name. A person when the
    // text later uses the last word alone ("Courtois"), else an organisation ("Time Warner").
    if (english && !w.sentStart && j > i + 1) {
      const last = words[j - 1]!.s;
      const alone = !organisationSuffixes.has(last.toLowerCase())
        && words.some((x, k) => k >= j && x.s === last && !(words[k - 1]?.cap && x.joined));
      found.push(mention(words, i, j, alone ? 'person' : 'organisation'));
      i = j;
      continue;
    }
    i = Math.max(i + 1, english && !w.sentStart ? j : i + 1);
  }
  return addShortForms(words, found, language);
}

/** Later bare surnames and names ("Tusk", "Rutte", "Trump") count for the full name found earlier. */
function addShortForms(words: Word[], found: EntityMention[], language: string): EntityMention[] {
  const short = new Map<string, EntityMention>();
  for (const m of found) {
    const parts = m.name.split(' ');
    if (m.kind === 'person' && parts.length > 1) short.set(fold(parts[parts.length - 1]!), m);
    else if (parts.length === 1 && m.kind !== 'organisation') short.set(fold(m.name), m);
  }
  if (short.size === 0) return found;
  const extra: EntityMention[] = [];
  let f = 0;
  for (const w of words) {
    while (f < found.length && found[f]!.end <= w.start) f++;
    const inside = f < found.length && found[f]!.start <= w.start;
    if (!w.cap || inside || !nameLike(w, language)) continue;
    const base = w.s.endsWith('s') ? w.s.replace(/['’]s$/, '') : w.s;
    const m = short.get((base === w.s ? wordInfo(w, language) : infoOf(base, language)).folded)
      ?? (language === 'de' && base.endsWith('s') ? short.get(fold(base.slice(0, -1))) : undefined);
    if (m) {
      extra.push({ key: m.key, name: m.name, kind: m.kind, start: w.start, end: w.start + base.length });
    }
  }
  return extra.length ? [...found, ...extra].sort((a, b) => a.start - b.start) : found;
}

export interface EntityCount { key: string; name: string; kind: EntityKind; count: number }

/** Mentions grouped by key; the display name is the fullest spelling used most often. */
export function countEntities(mentions: Iterable<EntityMention>): EntityCount[] {
  const byKey = new Map<string, { kind: EntityKind; count: number; names: Map<string, number> }>();
  for (const m of mentions) {
    let e = byKey.get(m.key);
    if (!e) byKey.set(m.key, e = { kind: m.kind, count: 0, names: new Map() });
    e.count++;
    e.names.set(m.name, (e.names.get(m.name) ?? 0) + 1);
  }
  return [...byKey].map(([key, e]) => ({ key, kind: e.kind, count: e.count, name: displayName(e.names, e.kind) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function displayName(names: Map<string, number>, kind: EntityKind): string {
  const words = (n: string): number => n.split(' ').length;
  return [...names].sort((a, b) => (kind === 'person' ? words(b[0]) - words(a[0]) : 0) || b[1] - a[1]
    || a[0].localeCompare(b[0]))[0]![0];
}

/** Text reduced to folded words between single spaces, padded: " grindavik lava ... " (for name search). */
export function foldedWords(text: string): string {
  return ` ${foldName(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** A name prepared for `countName`: folded words between single spaces, padded. */
export function nameNeedle(name: string): string {
  return ` ${fold(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** How often a name (as `nameNeedle`) occurs in text prepared by `foldedWords` (spelling, case, accents ignored). */
export function countName(folded: string, needle: string): number {
  let n = 0;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length - 1)) n++;
  return n;
}
