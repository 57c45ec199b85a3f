// Puts a parsed query back into words, so the UI can show how a query was understood
// ("all of: Kursk, Angriff; without: Belgorod; in the last 7 days"), in the UI's language (English or German).
import type { DateSpec, ParsedQuery, QueryNode } from './query.ts';

export type DescribeLocale = 'en' | 'de';

interface Words {
  languages: Record<string, string>;
  typos: (n: number) => string;
  umlautsExact: string;
  inTitle: (s: string) => string;
  inNote: (s: string) => string;
  withNote: string;
  inLanguage: (lang: string) => string;
  fromOutlet: (o: string) => string;
  inTheme: (t: string) => string;
  tagged: (t: string) => string;
  without: string;
  allOf: string;
  anyOf: string;
  everything: string;
  newestFirst: string;
  date: (d: DateSpec) => string;
  compounds: string;
  feminine: string;
  feminineAndCompounds: string;
  stopWords: (words: string) => string;
  nothingYet: string;
}

const EN: Words = {
  languages: { de: 'German', en: 'English', fr: 'French', es: 'Spanish', it: 'Italian', nl: 'Dutch' },
  typos: (n) => ` (up to ${n} typo${n > 1 ? 's' : ''})`,
  umlautsExact: ' (umlauts exact)',
  inTitle: (s) => `${s} in the title`,
  inNote: (s) => `${s} in your note`,
  withNote: 'with a note',
  inLanguage: (lang) => `in ${lang}`,
  fromOutlet: (o) => `from outlet "${o}"`,
  inTheme: (t) => `in theme ${t}`,
  tagged: (t) => `tagged ${t}`,
  without: 'without',
  allOf: 'all of',
  anyOf: 'any of',
  everything: 'everything',
  newestFirst: ', newest first',
  date: (d) => {
    if (d.kind !== 'last') return `${d.kind === 'since-date' ? 'since' : d.kind} ${d.value}`;
    const unit = { d: 'day', w: 'week', m: 'month', y: 'year' }[d.unit];
    return `in the last ${d.n} ${unit}${d.n === 1 ? '' : 's'}`;
  },
  compounds: ' (also inside compound words, ranked lower)',
  feminine: ' (also its feminine forms in -in, -innen)',
  feminineAndCompounds: ' (also its feminine forms in -in, -innen, and inside compound words, ranked lower)',
  stopWords: (w) => ` (common words not searched: ${w})`,
  nothingYet: 'nothing to search for yet: type a word',
};

const DE: Words = {
  languages: { de: 'Deutsch', en: 'Englisch', fr: 'Französisch', es: 'Spanisch', it: 'Italienisch', nl: 'Niederländisch' },
  typos: (n) => ` (bis zu ${n} Tippfehler)`,
  umlautsExact: ' (Umlaute exakt)',
  inTitle: (s) => `${s} im Titel`,
  inNote: (s) => `${s} in Ihrer Notiz`,
  withNote: 'mit Notiz',
  inLanguage: (lang) => `auf ${lang}`,
  fromOutlet: (o) => `aus dem Medium „${o}“`,
  inTheme: (t) => `im Thema ${t}`,
  tagged: (t) => `mit Schlagwort ${t}`,
  without: 'ohne',
  allOf: 'alle von',
  anyOf: 'eines von',
  everything: 'alles',
  newestFirst: ', neueste zuerst',
  date: (d) => {
    if (d.kind !== 'last') return `${{ 'since-date': 'seit', after: 'nach', before: 'vor' }[d.kind]} ${d.value}`;
    const units: Record<'d' | 'w' | 'm' | 'y', [string, string]> = {
      d: ['am letzten Tag', 'Tagen'], w: ['in der letzten Woche', 'Wochen'], m: ['im letzten Monat', 'Monaten'], y: ['im letzten Jahr', 'Jahren'],
    };
    const [one, many] = units[d.unit];
    return d.n === 1 ? one : `in den letzten ${d.n} ${many}`;
  },
  compounds: ' (auch in zusammengesetzten Wörtern, weiter unten)',
  feminine: ' (auch die weiblichen Formen auf -in, -innen)',
  feminineAndCompounds: ' (auch die weiblichen Formen auf -in, -innen und in zusammengesetzten Wörtern, weiter unten)',
  stopWords: (w) => ` (häufige Wörter nicht gesucht: ${w})`,
  nothingYet: 'noch nichts zu suchen: ein Wort eingeben',
};

/** The phrases of a locale (for the extras the search adds after the description). */
export function describeWords(locale: DescribeLocale = 'en'): Words {
  return locale === 'de' ? DE : EN;
}

function describeNode(n: QueryNode, nested: boolean, w: Words): string {
  switch (n.type) {
    case 'word': {
      let s = n.text + (n.prefix ? '*' : '');
      if (n.fuzzy) s += w.typos(n.fuzzy);
      if (n.strict) s += w.umlautsExact;
      return n.field === 'title' ? w.inTitle(s) : n.field === 'note' ? w.inNote(s) : s;
    }
    case 'phrase': {
      const s = `"${n.text}"`;
      return n.field === 'title' ? w.inTitle(s) : n.field === 'note' ? w.inNote(s) : s;
    }
    case 'filter':
      if (n.name === 'has') return w.withNote;
      if (n.name === 'lang') return w.inLanguage(w.languages[n.value] ?? n.value);
      if (n.name === 'outlet') return w.fromOutlet(n.value);
      if (n.name === 'theme') return w.inTheme(n.value);
      return w.tagged(n.value);
    case 'date':
      return w.date(n.spec);
    case 'not':
      return `${w.without} ${describeNode(n.child, true, w)}`;
    case 'and': {
      const positives = n.children.filter((c) => c.type !== 'not');
      const negatives = n.children.filter((c): c is Extract<QueryNode, { type: 'not' }> => c.type === 'not');
      let s = positives.length === 1 ? describeNode(positives[0]!, nested, w)
        : positives.length > 1 ? `${w.allOf}: ${positives.map((c) => describeNode(c, true, w)).join(', ')}` : w.everything;
      if (negatives.length > 0) s += `; ${w.without}: ${negatives.map((c) => describeNode(c.child, true, w)).join(', ')}`;
      return nested ? `(${s})` : s;
    }
    case 'or': {
      const s = `${w.anyOf}: ${n.children.map((c) => describeNode(c, true, w)).join(' | ')}`;
      return nested ? `(${s})` : s;
    }
  }
}

/** The query in words: "all of: Kursk, Angriff; without: Belgorod" (German: "alle von: …; ohne: …"). */
export function describeQuery(p: ParsedQuery, locale: DescribeLocale = 'en'): string {
  const w = describeWords(locale);
  let s = p.root ? describeNode(p.root, false, w) : w.everything;
  if (p.sort === 'date') s += w.newestFirst;
  return s;
}
