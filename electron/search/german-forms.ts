// Forms of a German query word that Snowball's stems do not bring together, looked up beside the word's own key:
// feminine forms of person nouns ("Ministerin" for "Minister"), the two numbers of a feminine noun ("Lehrerin",
// "Lehrerinnen"), and the -s of names and loanwords ("Trumps", "Moskaus", "Interviews"). Each gives forms or keys
// to look up; only those the library has count, so for most words these find nothing.
import { termKey } from './analyze.ts';

/**
 * Index keys that look like a feminine form of a shorter word but are words or names of their own ("Benz" has no
 * "Benzin", "August" no "Augustin"), or share their key with one ("Kantine" is indexed as "kantin", as a female
 * Kant would be).
 */
const NOT_FEMININE = new Set(['benzin', 'heroin', 'kantin', 'termin', 'kokain', 'protein', 'vitamin', 'berlin', 'kamin', 'rubin',
  'delfin', 'pinguin', 'medizin', 'magazin', 'disziplin', 'doktrin', 'insulin', 'nikotin', 'koffein', 'maschin', 'routin', 'turbin',
  'gardin', 'kabin', 'violin', 'sardin', 'margarin', 'pralin', 'latrin', 'vaselin',
  'martin', 'dustin', 'justin', 'austin', 'kerstin', 'augustin', 'konstantin']);

const LOWER_GERMAN = /^[a-zäöüß]+$/;

/**
 * The German feminine forms of a person noun, singular and plural: "minister" -> "ministerin", "ministerinnen";
 * "kollege" -> "kollegin". Umlauts need no rule ("Ärztin", "Köchin"): keys fold them. Words of three letters and
 * words ending in -in are left alone ("Berlin" has no feminine), and so are the look-alikes above.
 */
export function feminineForms(term: string): string[] {
  if (term.length < 4 || term.endsWith('in') || !LOWER_GERMAN.test(term)) return [];
  const base = term.endsWith('e') ? term.slice(0, -1) : term;
  return [`${base}in`, `${base}innen`].filter((form) => !NOT_FEMININE.has(termKey(form, 'de')));
}

/**
 * The other number of a German feminine noun: "lehrerin" <-> "lehrerinnen". Snowball keeps them apart
 * ("lehrerin", "lehrerinn"), as it does not for other nouns ("Regierung", "Regierungen").
 */
export function feminineOtherNumber(term: string): string | null {
  if (!LOWER_GERMAN.test(term)) return null;
  if (term.length >= 8 && term.endsWith('innen')) return term.slice(0, -3);
  if (term.length >= 6 && term.endsWith('in')) return `${term}nen`;
  return null;
}

/**
 * The key of the word with an -s where Snowball keeps that -s on: it removes it only after b, d, f, g, h, k, l, m,
 * n, r, t, so "Trumps", "Selenskyjs", "Kiews", "Moskaus", "Netanjahus" (genitives) and "Interviews", "Partys",
 * "Fotos" (plurals) are keyed apart from their word. Null where the -s form has the word's own key. Words of
 * three letters are left alone: "Mai" is not "Mais", nor "Rei" "Reis".
 */
export function sFormKey(term: string): string | null {
  if (term.length < 4 || term.endsWith('s') || !/^\p{L}+$/u.test(term)) return null;
  const withS = termKey(`${term}s`, 'de');
  return withS === termKey(term, 'de') ? null : withS;
}
