// Outlets an article names as its sources: source lines ("Quelle: SZ und tagesschau.de", "… besuchen Sie
// Kölner Stadt-Anzeiger, Frankfurter Rundschau und Deutschlandfunk."), agency tags ("(APA, 7.5.2016)") and
// well-known outlets named anywhere ("told Reuters"). Names that are also common words are left out.

const KNOWN = [
  'Reuters', 'dpa', 'AFP', 'Associated Press', 'Agence France-Presse', 'Deutsche Presse-Agentur', 'Austria Presse Agentur',
  'APA', 'KNA', 'epd', 'Bloomberg', 'Interfax', 'TASS', 'Xinhua', 'Ukrinform', 'Yonhap', 'KCNA', 'Kyodo', 'ANSA', 'EFE',
  'BBC', 'BBC News', 'CNN', 'Al Jazeera', 'Sky News', 'Euronews', 'NPR', 'Fox News', 'CBS News', 'NBC News', 'ABC News',
  'The New York Times', 'New York Times', 'Washington Post', 'The Washington Post', 'Wall Street Journal', 'The Wall Street Journal',
  'Financial Times', 'The Guardian', 'The Times', 'The Economist', 'The Telegraph', 'Daily Telegraph', 'The Independent',
  'Daily Mail', 'Los Angeles Times', 'USA Today', 'Politico', 'Axios', 'Le Monde', 'Le Figaro', 'Libération', 'El País',
  'Corriere della Sera', 'La Repubblica', 'Haaretz', 'Kyiv Independent', 'Kyiv Post', 'Meduza', 'Kommersant',
  'RIA Nowosti', 'RIA Novosti', 'Süddeutsche Zeitung', 'Süddeutschen Zeitung', 'Frankfurter Allgemeine Zeitung',
  'Frankfurter Allgemeinen Zeitung', 'Frankfurter Allgemeine', 'FAZ', 'Frankfurter Rundschau', 'Kölner Stadt-Anzeiger',
  'Der Spiegel', 'Spiegel Online', 'SPIEGEL', 'Zeit Online', 'ZEIT ONLINE', 'Welt am Sonntag', 'Bild-Zeitung', 'Bild am Sonntag',
  'taz', 'Tagesspiegel', 'Handelsblatt', 'Deutschlandfunk', 'Deutsche Welle', 'ARD', 'ZDF', 'tagesschau.de', 'Tagesschau',
  'MDR', 'NDR', 'WDR', 'SWR', 'RBB', 'Redaktionsnetzwerk Deutschland', 'RND', 'ORF', 'derStandard.at', 'Kleine Zeitung',
  'Salzburger Nachrichten', 'Kronen Zeitung', 'NZZ', 'Neue Zürcher Zeitung', 'SRF', 'Tages-Anzeiger',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// ASCII \b without the u flag is several times faster than Unicode lookarounds; the neighbours are checked after.
const KNOWN_RE = new RegExp(`\\b(?:${[...KNOWN].sort((a, b) => b.length - a.length).map(escape).join('|')})\\b`, 'g');
const LETTER = /[\p{L}\p{N}]/u;

const AGENCIES = new Set(['APA', 'dpa', 'AFP', 'AP', 'Reuters', 'KNA', 'epd', 'SDA', 'sda', 'sid', 'SID', 'Bloomberg', 'ANSA', 'EFE', 'AFP/dpa']);
const AGENCY_TAG = /\(((?:[A-Za-z]{2,9})(?:\s*[/,]\s*[A-Za-z]{2,9})*)(?:\s*,\s*[^()]{0,40})?\)/g;

const SOURCE_CUE = /(?:^|[\s(])(?:Quellen?|Sources?|Mit Material (?:von|der|des)|Material von|Unter Verwendung von Material (?:von|der|des)|With (?:reporting|material) (?:from|by)|Additional reporting by)\s*:?\s+([^()]+?)\)?\s*$/i;
const READ_CUE = /(?:besuchen Sie|lesen Sie (?:mehr )?(?:bei|auf)|mehr dazu (?:bei|auf)|visit|read more (?:at|on)|see also)\s+([^()]+?)\s*$/i;
const LIST_SPLIT = /\s*,\s*|\s*;\s*|\s+(?:und|and|sowie|oder|or|&)\s+/;
const PARTICLES = new Set(['am', 'der', 'des', 'de', 'della', 'di', 'du', 'la', 'le', 'el', 'of', 'the', 'im', 'in']);
const GENERIC = new Set(['agenturen', 'agencies', 'wires', 'archiv', 'redaktion', 'red', 'eigene recherche', 'eigene recherchen', 'wikipedia']);

function cleanName(part: string): string | null {
  let p = part.trim().replace(/^[„“"«»‚‘'(]+|[„“"«»‚’'.;:!?)]+$/g, '').trim();
  const words = p.split(/\s+/);
  if (!p || p.length > 60 || words.length > 5) return null;
  // Outlet names are capitalized apart from a few particles ("Welt am Sonntag"); "die Ausstellung im Museum" is prose.
  if (words.slice(1).some((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w))) return null;
  if (GENERIC.has(p.toLowerCase())) return null;
  // In a source list, a single lower-case token is a brand ("rbb24", "taz", "tagesschau.de"); prose has several words.
  const singleToken = !/\s/.test(p);
  return singleToken || /^[\p{Lu}\p{N}]/u.test(p) ? p : null;
}

interface Hit {
  name: string;
  index: number;
}

/** Cue lines are short closing sentences: only a paragraph's tail is searched. */
const CUE_WINDOW = 400;

function listHits(paragraph: string, offset: number, cue: RegExp): Hit[] {
  const skip = Math.max(0, paragraph.length - CUE_WINDOW);
  const m = cue.exec(skip > 0 ? paragraph.slice(skip) : paragraph);
  if (!m) return [];
  const listStart = offset + skip + m.index + m[0].indexOf(m[1]!);
  const names = m[1]!.split(LIST_SPLIT).map(cleanName);
  // A cue followed by ordinary prose ("besuchen Sie die Ausstellung") names no outlets.
  if (names.some((n) => n === null)) return [];
  return names.map((name, i) => ({ name: name!, index: listStart + i }));
}

/** Outlets cited in the text, in order of first mention, without duplicates. */
export function findCitedOutlets(text: string): string[] {
  const hits: Hit[] = [];
  const paras: Array<{ text: string; start: number }> = [];
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n\n', start);
    const stop = end === -1 ? text.length : end;
    paras.push({ text: text.slice(start, stop), start });
    start = stop + 2;
  }
  paras.forEach((p, i) => {
    const last = i >= paras.length - 2;
    if (last || /^\(?(?:Quellen?|Sources?)\s*:/i.test(p.text)) hits.push(...listHits(p.text, p.start, SOURCE_CUE));
    if (last) hits.push(...listHits(p.text, p.start, READ_CUE));
  });
  for (const m of text.matchAll(AGENCY_TAG)) {
    const names = m[1]!.split(/\s*[/,]\s*/);
    if (!names.every((n) => AGENCIES.has(n) || n.toLowerCase() === 'red')) continue;
    for (const n of names) if (AGENCIES.has(n)) hits.push({ name: n, index: m.index });
  }
  for (const m of text.matchAll(KNOWN_RE)) {
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    if ((before && LETTER.test(before)) || (after && LETTER.test(after))) continue;
    hits.push({ name: m[0], index: m.index });
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of hits.sort((a, b) => a.index - b.index)) {
    const key = h.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(h.name);
  }
  // "Tagesspiegel" inside "Der Tagesspiegel", "BBC" beside "BBC News": one outlet, named once, in its longer form.
  const contains = (long: string, short: string) => long !== short && new RegExp(`(?:^|\\s)${escape(short)}(?:\\s|$)`, 'i').test(long);
  return out.filter((name) => !out.some((other) => contains(other, name)));
}
