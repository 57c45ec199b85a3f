// What the query parser says about a malformed query: a reason code with parameters (the UI words it in its own
// language from renderer/lib/i18n-search.ts) and the English text, which the CLI prints and errors carry.
import { DossierError } from '../errors.ts';

/** English templates; `{name}` slots are filled from the error's params. The renderer has the same keys. */
export const QUERY_ERRORS = {
  'unclosed-quote': 'A quotation mark is not closed. Put the exact phrase between two quotation marks: "Kim Jong-un".',
  'unmatched-close': 'There is a ")" without a matching "(". Remove it or add the opening bracket.',
  'too-deep': 'The query nests brackets too deeply. Simplify it.',
  'or-sides': '{op} needs something on both sides: Streumunition OR "cluster munitions".',
  'and-sides': '{op} needs something on both sides: Kursk AND Angriff (AND is optional: all words must match anyway).',
  'not-needs-word': '{op} needs the word to leave out right after it: Kursk -Belgorod or Kursk NOT Belgorod.',
  'unclosed-bracket': 'A bracket "(" is not closed. Add ")" after the words it groups: (Kursk OR Belgorod) Angriff.',
  'empty-brackets': 'Empty brackets "()": put the words to group between them.',
  'field-needs-value': '{field}: needs a value right after the colon, like {example}.',
  'text-field-one-word': '{field}: takes one word or a "phrase"; write {field}:Kursk {field}:Angriff for several words.',
  'field-one-value': '{field}: takes one value, like {example}.',
  'sort-value': '{field}: takes {field}:date (newest first) or {field}:relevance.',
  'since-value': '{field}: takes a number of days, weeks, months or years, or a date: {field}:7d, {field}:2w, {field}:3m, {field}:1y, {field}:2026-11-01.',
  'date-value': '{field}: needs a date written year-month-day, like {field}:2026-11-01.',
  'has-value': '{field}: understands {field}:note (articles with a note of yours).',
  'lang-value': '{field}: takes a language code such as {field}:de or {field}:en.',
  'fuzzy-range': 'Fuzzy matching allows 1 or 2 typos: {word}~ or {word}~2.',
  'star-inside': '"*" works at the end of a word only, for words starting with it: {word}*.',
  'prefix-and-fuzzy': 'A word can end in * (prefix) or ~ (typos), not both: {word}* or {word}~.',
  'star-alone': '"*" needs the start of a word before it: nordkorea*.',
  'equals-alone': '"=" needs a word right after it: =dröge matches the umlaut exactly.',
  'tilde-alone': '"~" needs a word right before it: Selenskyj~.',
  'prefix-too-short': 'A prefix search needs at least two letters before "*": {word}…* would match nearly everything.',
  'too-long': 'The query is too long (over 2,000 characters). Shorten it.',
  unreadable: 'This query could not be understood. Try plain words, "a phrase", OR, -word.',
} as const;

export type QueryErrorReason = keyof typeof QUERY_ERRORS;
export type QueryErrorParams = Record<string, string>;

/** The `details` of a search/bad-query error. */
export interface QueryErrorDetails { reason: QueryErrorReason; params: QueryErrorParams }

export function fillTemplate(template: string, params: QueryErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => params[name] ?? slot);
}

/** A search/bad-query DossierError: English message, and {reason, params} for the UI to word it. */
export function queryError(reason: QueryErrorReason, params: QueryErrorParams = {}): DossierError {
  return new DossierError('search/bad-query', fillTemplate(QUERY_ERRORS[reason], params), { reason, params } satisfies QueryErrorDetails);
}
