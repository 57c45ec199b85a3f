// Language of an article as ISO 639-1. Function words decide the common European languages in
// microseconds (and are what works on short texts); franc-min, on a bounded sample, handles the rest.
import { franc } from 'franc-min';

const STOP_WORDS: Record<string, string> = {
  de: 'der die das und ist nicht mit sich auf für dem den ein eine einer eines zu von im des auch es sie wird wurde hat werden '
    + 'bei nach aus wie über noch nur dass sind war haben oder aber um als wenn kann ich er wir ihr diese dieser mehr schon sei '
    + 'hatte vor zum zur sowie bereits gegen durch unter seit ihre seine man so wurden',
  en: 'the and of to is that for it with was on as by at from he be this are have has were which but not said an they his '
    + 'her will would been their who its there can more about after also than had we you she or what when new',
  fr: 'le la les et des est une un du que dans pour pas qui sur au avec ce il elle sont par plus aux ont été cette ses mais '
    + 'ou comme leur nous vous être fait sa son',
  es: 'el la los las y de que en un una es por para con del se no su al lo como más pero sus le ya fue ha son este esta entre '
    + 'también sobre muy',
  it: 'il lo la gli le e di che è un una per non con del della sono nel alla anche come più ma si da ha dei delle al questo '
    + 'essere stato sua suo',
  nl: 'de het een en van is dat op te in zijn met voor niet aan er om ook als bij door maar wordt werd uit naar heeft deze nog '
    + 'dan wel hij zij',
  pt: 'o a os as e de que em um uma é para com não do da dos das no na por mais se como foi ao mas seu sua ou são tem '
    + 'também pelo pela',
};

const LEXICON = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOP_WORDS)) {
  for (const w of words.split(' ')) LEXICON.set(w, [...(LEXICON.get(w) ?? []), lang]);
}

/** franc-min speaks ISO 639-3; the app speaks 639-1. Languages without a two-letter code become 'und'. */
const ISO3_TO_1: Record<string, string> = {
  spa: 'es', eng: 'en', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi', ita: 'it', tur: 'tr', pol: 'pl',
  swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', bos: 'bs', hrv: 'hr', nld: 'nl', srp: 'sr', ckb: 'ku', yor: 'yo', uzn: 'uz',
  zlm: 'ms', ibo: 'ig', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs', run: 'rn', plt: 'mg', qug: 'qu', nya: 'ny', zyb: 'za',
  kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk', arb: 'ar',
  urd: 'ur', pes: 'fa', pbu: 'ps', hin: 'hi', mar: 'mr', npi: 'ne',
};

/** Longer texts are judged on their opening: enough for trigram statistics, bounded cost. */
const SAMPLE_CHARS = 2000;
const FRANC_SAMPLE_CHARS = 700;

function stopWordVote(sample: string): { lang: string; confident: boolean } | null {
  const words = sample.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length === 0) return null;
  const hits: Record<string, number> = {};
  for (const w of words) {
    const langs = LEXICON.get(w);
    if (langs) for (const l of langs) hits[l] = (hits[l] ?? 0) + 1;
  }
  const ranked = Object.entries(hits).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return null;
  const margin = first[1] >= 2 * (second?.[1] ?? 0);
  const share = first[1] / words.length;
  // Long texts must be clearly dominated by one language's function words; short ones need a few clean hits.
  const confident = margin && (words.length >= 25 ? share >= 0.12 : first[1] >= 2);
  return { lang: first[0], confident };
}

/** 'de' | 'en' | other ISO 639-1 | 'und'; franc-min, with a stop-word fallback for short texts. */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const vote = stopWordVote(sample);
  if (vote?.confident) return vote.lang;
  if (sample.length >= 60) {
    const code = franc(sample.slice(0, FRANC_SAMPLE_CHARS), { minLength: 60 });
    const iso1 = ISO3_TO_1[code];
    if (iso1) return iso1;
  }
  return vote?.lang ?? 'und';
}

/** The primary subtag of a declared language ("de-AT" -> "de"), or null. */
export function languageTag(value: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*$/i.exec(value ?? '');
  return m ? m[1]!.toLowerCase() : null;
}
