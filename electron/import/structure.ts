// Reads structure out of paragraphs that carry no markup: a title line or, failing that, a headline made
// from the first sentence; plain section headings ("Kämpfe und Verluste in Kursk"); byline and date lines
// at the top. Used for plain text and for formats whose headings are only a guess (PDF, DOCX, e-mail text).
import { findDate } from './dates.ts';

/** One paragraph or heading of an article body, in reading order. */
export interface Block {
  kind: 'p' | 'h';
  /** Heading level 1..6; 0 for paragraphs. */
  level: number;
  text: string;
}

export interface Header {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  publishedAt: string | null;
}

const MAX_TITLE = 140;
const BYLINE = /^(?:von|by|text|autor|autorin|author|written by)[:\s]\s*(.{2,100})$/i;
const NOT_HEADING = /^(?:quellen?|sources?|foto|bild|photo|image|von|by|stand|update|aktualisiert|updated)\b/i;
/** Words (or word endings: "Abendblatt", "Deutschlandfunk") that mark the tail of a byline as a publication. */
const OUTLET_WORD = /(?:zeitung|news|times|post|standard|rundschau|presse|press|nachrichten|kurier|blatt|magazin|magazine|online|agentur|agency|radio|tv|journal|herald|tribune|gazette|chronicle|guardian|telegraph|observer|spiegel|welt|anzeiger|funk|bote|echo|express|review|daily|weekly|report|courier|merkur)\b/i;

function wordCountOf(s: string): number {
  return s.split(' ').length;
}

/** A short line without closing punctuation that starts like a headline and is followed by body text. */
export function isHeadingLike(p: string, next: string | undefined, maxLength = 90): boolean {
  if (next === undefined || p.length < 3 || p.length > maxLength || wordCountOf(p) > 15) return false;
  if (/[.,;:…–-]$/.test(p)) return false;
  if (/[!?]$/.test(p) && p.length > 70) return false;
  if (!/^[\p{Lu}\p{N}„"«»‚'(]/u.test(p)) return false;
  if (NOT_HEADING.test(p) || BYLINE.test(p)) return false;
  if (isDateLine(p)) return false;
  return next.length >= Math.min(60, p.length);
}

const DATE_WORDS = /\b(?:stand|aktualisiert|updated|veröffentlicht|published|am|on|um|at|uhr|mez|mesz|cet|gmt|utc|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;
/** A dateline's place, with a news agency perhaps, before a separator: "Wien, ", "Berlin (dpa) – ", "WASHINGTON — ". */
const DATELINE_PLACE = /^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2}(?:\s*\([\p{L}/ ]{2,20}\))?\s*(?:,|–|—|-|\))\s*$/u;

/** Nothing but the words and signs around a date: "Stand:", weekdays, a time. */
const onlyDateWords = (s: string) => s.replace(DATE_WORDS, '').replace(/[\d:.,|/()\s–·•-]/g, '') === '';

/**
 * What a short line is if it dates the article: "date" when it is nothing but a date (with optional "Stand:",
 * weekday, time), "dateline" when a place comes first ("Wien, 3. Dezember 2026"), else null.
 */
export function dateLineKind(p: string): 'date' | 'dateline' | null {
  if (p.length > 60) return null;
  const d = findDate(p);
  if (!d || !onlyDateWords(p.slice(d.index + d.length))) return null;
  const before = p.slice(0, d.index);
  if (onlyDateWords(before)) return 'date';
  return DATELINE_PLACE.test(before.replace(DATE_WORDS, '').replace(/\s+$/, ' ')) ? 'dateline' : null;
}

export const isDateLine = (p: string): boolean => dateLineKind(p) !== null;

/** "Von Anna Muster, Der Standard | 24. November 2026" -> byline, outlet and date. */
export function parseByline(p: string): { byline: string; outlet: string | null; date: string | null } | null {
  if (p.length > 120) return null;
  const m = BYLINE.exec(p);
  if (!m) return null;
  let rest = m[1]!;
  const d = findDate(rest);
  if (d) rest = rest.slice(0, d.index) + rest.slice(d.index + d.length);
  rest = rest.replace(/\s*(?:\||·|•|–|—|\bam\b|\bon\b)\s*$/i, '').replace(/[\s,|·•–—]+$/, '').trim();
  if (!rest || /[.!?]$/.test(rest) && !/\b\p{Lu}\.$/u.test(rest) || wordCountOf(rest) > 12) return null;
  let outlet: string | null = null;
  const cut = Math.max(rest.lastIndexOf(', '), rest.lastIndexOf(' | '), rest.lastIndexOf(' / '));
  if (cut > 0) {
    const tail = rest.slice(cut + 2).replace(/^[|/]\s*/, '').trim();
    if (OUTLET_WORD.test(tail) || /^[\p{Lu}]{2,}$/u.test(tail)) {
      outlet = tail;
      rest = rest.slice(0, cut).trim();
    }
  }
  return { byline: rest, outlet, date: d?.iso ?? null };
}

const ABBREVIATION = /(?:\b(?:z|d|u|v|o|s|ca|bzw|vgl|usw|etc|Dr|Prof|Nr|St|Mr|Mrs|Ms|Jr|Sr|No|Abs|Art|Mio|Mrd|Tel|inkl|ggf|evtl|bspw|sog|gem|Hr|Fr|Jan|Feb|Aug|Sept|Okt|Nov|Dez|Dec|Oct)|\b\p{L}|\b\d{1,2})\.$/u;

/** The first sentence of a paragraph, not fooled by "z. B.", "Dr.", "9. Juni" or "1.000". */
export function firstSentence(p: string): string {
  const re = /[.!?…]["“”»«'’)]*(?=\s+["„“»«'‘(]?[\p{Lu}\p{N}])/gu;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    const candidate = p.slice(0, m.index + m[0].length);
    if (m[0][0] === '.' && ABBREVIATION.test(p.slice(0, m.index + 1))) continue;
    return candidate;
  }
  return p;
}

/** A headline from running text: the first sentence, cut at a clause or word boundary when too long. */
export function headlineFrom(p: string): string {
  let s = firstSentence(p).trim();
  if (s.length <= MAX_TITLE) return s.replace(/[.:;,]$/, '');
  const window = s.slice(0, MAX_TITLE);
  const clause = Math.max(window.lastIndexOf(': '), window.lastIndexOf(' – '), window.lastIndexOf(' - '), window.lastIndexOf('; '));
  if (clause >= 50) return window.slice(0, clause).trim();
  const comma = window.lastIndexOf(', ');
  if (comma >= 60) return window.slice(0, comma).trim();
  s = window.slice(0, window.lastIndexOf(' ')).replace(/[\s,;:–-]+$/, '');
  return `${s} …`;
}

/**
 * Takes title, byline and date lines off the top of plain paragraphs (in any order, within the first few
 * paragraphs). Returns what it found and the remaining paragraphs.
 */
export function takeHeader(paras: string[], wantTitle: boolean): { header: Header; rest: string[] } {
  const header: Header = { title: null, byline: null, outlet: null, publishedAt: null };
  const rest = [...paras];
  for (let steps = 0; steps < 4 && rest.length > 1; steps++) {
    const p = rest[0]!;
    // A title is followed by body text, perhaps after a short byline or date line ("Von Anna Muster").
    const body = rest.slice(1).find((q) => !isDateLine(q) && parseByline(q) === null);
    if (wantTitle && header.title === null && isHeadingLike(p, body, 200)) {
      header.title = p;
    } else if (header.byline === null && parseByline(p)) {
      const b = parseByline(p)!;
      header.byline = b.byline;
      header.outlet ??= b.outlet;
      header.publishedAt ??= b.date;
    } else if (header.publishedAt === null && isDateLine(p)) {
      header.publishedAt = findDate(p)!.iso;
      // A dateline's place is part of the report ("Wien, 3. Dezember 2026 – ..."): it stays in the text.
      if (dateLineKind(p) === 'dateline') break;
    } else {
      break;
    }
    rest.shift();
  }
  return { header, rest };
}

/** Marks heading-like paragraphs as headings (plain text has no other way to say so). */
export function markHeadings(paras: string[]): Block[] {
  return paras.map((text, i) =>
    (isHeadingLike(text, paras[i + 1]) && i > 0 ? { kind: 'h', level: 2, text } : { kind: 'p', level: 0, text }));
}

/** A date from an agency tag at the end of the text, e.g. "(APA, 7.5.2016)". */
export function agencyDate(text: string): string | null {
  const tail = text.slice(-300);
  const m = /\((?:[A-Za-z]{2,9}(?:\s*\/\s*[A-Za-z]{2,9})*),\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})\)/.exec(tail);
  return m ? findDate(m[1]!)?.iso ?? null : null;
}
