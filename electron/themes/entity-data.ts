// Offline entity data: the bundled alias list (entity-names.ts: Selenskyj / Zelensky / Zelenskyy) parsed for
// lookup, plus first names, role words and place words that signal a name. Hand-kept and small on purpose;
// patterns in entities.ts find everything else.

import type { EntityKind } from '../article.ts';
import { GAZETTEER } from './entity-names.ts';

export type { EntityKind } from '../article.ts';

export interface GazetteerEntry { key: string; name: string; kind: EntityKind }
/**
 * One spelling of an entry; an all-capitals spelling ("WHO", "US") only matches text in capitals, and a
 * spelling marked "@de" in the list only German text ("Island" is Iceland in German, not in English).
 */
export interface GazetteerAlias { entry: GazetteerEntry; allCaps: boolean; language: string | null }

/** Folds case, umlauts, diacritics and punctuation so spellings compare equal ("Sacharowa" ≠ "Zakharova" still). */
export function foldName(s: string): string {
  // Plain ASCII letters and digits fold to their lower case: the common case skips the chain below.
  if (/^[A-Za-z0-9]*$/.test(s)) return s.toLowerCase();
  return s.toLowerCase().replace(/ß/g, 'ss').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
    .normalize('NFD').replace(/\p{M}/gu, '').replace(/[.'’]/g, '').replace(/[\s-]+/g, ' ').trim();
}

function parseGazetteer(): Map<string, GazetteerAlias> {
  const kinds: Record<string, EntityKind> = { P: 'person', O: 'organisation', L: 'place' };
  const out = new Map<string, GazetteerAlias>();
  for (const line of GAZETTEER.split('\n')) {
    const [k, name, ...aliases] = line.split('|');
    const kind = k ? kinds[k] : undefined;
    if (!kind || !name) continue;
    const entry = { key: foldName(name), name, kind };
    for (const spelling of [name, ...aliases]) {
      const [a, language] = spelling.split('@') as [string, string | undefined];
      if (out.has(foldName(a))) continue;
      out.set(foldName(a), { entry, allCaps: a.length > 1 && a === a.toUpperCase() && /[A-Z]/.test(a), language: language ?? null });
    }
  }
  return out;
}

/** Folded alias -> entry. */
export const gazetteer: Map<string, GazetteerAlias> = parseGazetteer();
/** First word of every alias of two or more words -> the longest such alias in words. */
export const aliasHeads: Map<string, number> = new Map();
for (const k of gazetteer.keys()) {
  const parts = k.split(' ');
  if (parts.length > 1) aliasHeads.set(parts[0]!, Math.max(aliasHeads.get(parts[0]!) ?? 0, parts.length));
}

// Common given names (German, English, Slavic, other) that open a person's name.
export const firstNames: Set<string> = new Set(`
maria anna anne anja andrea angela annalena barbara birgit brigitte carla christina christine claudia
daniela doris elena elisabeth elke emma eva franziska gabriele hanna hannah heike helga ines irina julia
karin katarina katharina kathrin kamala karen kate katja laura lena lisa manuela margaret marie marina
martina melanie monika nadia nadja nancy natalia natalja nicole olga petra renate sabine sandra sarah
silke simone sophie stefanie susanne svetlana swetlana tanja theresa ulrike ursula vera hillary julia
liz elizabeth jane jacinda giorgia marine sahra alice ricarda nancy kristalina christine ruth rebecca
donald mark michael maria anatoli anatoly wladimir vladimir wolodymyr volodymyr kim joe john james robert
david peter paul thomas andreas alexander alexej alexei alexey alex sergej sergei sergey dmitri dmitry
dmitrij jewgeni yevgeny evgeny igor ivan iwan juri yuri boris nikolai nikolaj viktor wiktor oleksandr
olexander petro pjotr walerij valery walery andrij andriy mykola dmytro vitali vitaly witali arsenij
olaf friedrich frank markus martin matthias christian christoph hans heinz helmut jens jürgen karl klaus
lars manfred norbert rainer rolf sebastian stefan stephan tobias uwe werner wolfgang hubert herbert
karl-heinz hans-peter emmanuel francois françois nicolas jacques benjamin naftali yair ehud recep ahmet
jeff bill barack george gordon tony theresa rishi keir boris jeremy nigel ed ed david tim elon steve larry
dani thibaut vinicius vinícius carlo edin jude kylian erling lionel cristiano jürgen manuel toni joshua jamal
florian julian leroy mats marco ilkay thomas mario pep jose josé arsene arsène alex wayne frank claus sundar satya warren jerome christine antony anthony lloyd jake kevin mike mitch chuck ron kamala jd j.d.
xi li wang zhang hu deng shinzo fumio narendra imran ali mohammed muhammad mahmoud hassan hasan ayatollah
ebrahim abbas bashar jens ursula josep charles william harry prince king pope papst franziskus emmanuel
sebastian karl alexander werner herbert heinz-christian norbert gerhard joschka annegret armin robert
christian markus hubertus nancy cem boris kevin lars saskia
`.trim().split(/\s+/));

// Role words that precede a person's name; compounds ending in one of them count too ("Außenamtssprecherin").
export const roleWords: string[] = `
präsident präsidentin premierminister premierministerin ministerpräsident ministerpräsidentin kanzler
kanzlerin minister ministerin sprecher sprecherin chef chefin generalsekretär generalsekretärin botschafter
botschafterin abgeordnete abgeordneter senator senatorin gouverneur gouverneurin bürgermeister
bürgermeisterin führer diktator machthaber general kommandeur oberbefehlshaber vorsitzende vorsitzender
könig königin papst herr frau dr prof president premier minister secretary spokesman spokeswoman
spokesperson chancellor ambassador senator governor mayor leader general commander chairman chairwoman
chief mr mrs ms sir lord lady king queen pope dr judge coach manager striker captain
`.trim().split(/\s+/);

// Words before a capitalised name that make it a place ("Region Kursk", "city of Kharkiv").
export const placeTriggers: Set<string> = new Set(`
region gebiet stadt provinz oblast bundesland hauptstadt landkreis kreis bezirk dorf ort hafenstadt grenzstadt
`.trim().split(/\s+/));
export const englishPlaceTriggers: Set<string> = new Set(['city of', 'region of', 'town of', 'province of', 'village of']);

// Name endings that make a capitalised sequence an organisation.
export const organisationSuffixes: Set<string> = new Set(`
ag gmbh se inc corp corporation ltd plc group gruppe bank partei party union council rat ministry ministerium
agency agentur association verband university universität club fc institute institut foundation stiftung
company airlines airways motors holdings bund kommission commission committee court gericht police polizei
`.trim().split(/\s+/));

// Capitalised words that are never names on their own (English capitalises these mid-sentence).
export const notNames: Set<string> = new Set(`
january february march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday januar februar märz juni juli oktober dezember montag dienstag
mittwoch donnerstag freitag samstag sonntag i mr mrs ms dr st english german british french american european
russian ukrainian christmas easter internet web tv
`.trim().split(/\s+/));
