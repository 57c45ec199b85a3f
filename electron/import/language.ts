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

// word -> bit set of the languages that use it, so counting is one lookup and a few bit tests per word.
const LANGS = Object.keys(STOP_WORDS);
const LEXICON = new Map<string, number>();
LANGS.forEach((lang, bit) => {
  for (const w of STOP_WORDS[lang]!.split(' ')) LEXICON.set(w, (LEXICON.get(w) ?? 0) | (1 << bit));
});

/** franc-min speaks ISO 639-3; the app speaks 639-1. Languages without a two-letter code become 'und'. */
const ISO3_TO_1: Record<string, string> = {
  spa: 'es', eng: 'en', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi', ita: 'it', tur: 'tr', pol: 'pl',
  swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', bos: 'bs', hrv: 'hr', nld: 'nl', srp: 'sr', ckb: 'ku', yor: 'yo', uzn: 'uz',
  zlm: 'ms', ibo: 'ig', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs', run: 'rn', plt: 'mg', qug: 'qu', nya: 'ny', zyb: 'za',
  kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk', arb: 'ar',
  urd: 'ur', pes: 'fa', pbu: 'ps', hin: 'hi', mar: 'mr', npi: 'ne',
};

/** Longer texts are judged on their opening: enough for trigram statistics, bounded cost. */
const SAMPLE_CHARS = 1200;
const FRANC_SAMPLE_CHARS = 700;

function stopWordVote(sample: string): { lang: string; confident: boolean } | null {
  const lower = sample.toLowerCase();
  const hits = new Array<number>(LANGS.length).fill(0);
  let total = 0;
  const count = (start: number, end: number) => {
    total++;
    // Function words are short; longer words cannot be in the lexicon.
    if (end - start > 8) return;
    const bits = LEXICON.get(lower.slice(start, end));
    if (bits === undefined) return;
    for (let b = 0; b < LANGS.length; b++) if (bits & (1 << b)) hits[b]!++;
  };
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0x24f && c !== 0xf7);
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      count(start, i);
      start = -1;
    }
  }
  let first = -1;
  let second = -1;
  for (let b = 0; b < LANGS.length; b++) {
    if (first < 0 || hits[b]! > hits[first]!) [second, first] = [first, b];
    else if (second < 0 || hits[b]! > hits[second]!) second = b;
  }
  const top = hits[first]!;
  if (top === 0) return null;
  const margin = top >= 2 * (second < 0 ? 0 : hits[second]!);
  // Long texts must be clearly dominated by one language's function words; short ones need a few clean hits.
  const confident = margin && (total >= 25 ? top / total >= 0.12 : top >= 2);
  return { lang: LANGS[first]!, confident };
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
