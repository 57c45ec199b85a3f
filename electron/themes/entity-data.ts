// Bundled offline alias list for entities: well-known places, organisations and people with their German and
// English spellings (Selenskyj / Zelensky / Zelenskyy), plus first names and role words that signal a person.
// Hand-kept and small on purpose; patterns in entities.ts find everything else.

import type { EntityKind } from '../article.ts';

export type { EntityKind } from '../article.ts';

// One entry a line: kind letter (P person, O organisation, L place), then the canonical name, then aliases.
const GAZETTEER = `
L|Ukraine|Ukraina
L|Russia|Russland|Russische Föderation|Russian Federation
L|North Korea|Nordkorea|DPRK|Demokratische Volksrepublik Korea
L|South Korea|Südkorea|Republic of Korea
L|United States|USA|US|U.S.|Vereinigte Staaten|America|Amerika|United States of America
L|United Kingdom|UK|Großbritannien|Grossbritannien|Britain|Great Britain|Vereinigtes Königreich
L|Germany|Deutschland|BRD
L|Austria|Österreich|Oesterreich
L|Switzerland|Schweiz
L|France|Frankreich
L|Italy|Italien
L|Spain|Spanien
L|Portugal
L|Netherlands|Niederlande|Holland
L|Belgium|Belgien
L|Poland|Polen
L|Czech Republic|Tschechien|Czechia
L|Slovakia|Slowakei
L|Hungary|Ungarn
L|Romania|Rumänien
L|Bulgaria|Bulgarien
L|Greece|Griechenland
L|Turkey|Türkei|Turkiye|Türkiye
L|Sweden|Schweden
L|Norway|Norwegen
L|Finland|Finnland
L|Denmark|Dänemark
L|Ireland|Irland
L|Estonia|Estland
L|Latvia|Lettland
L|Lithuania|Litauen
L|Belarus|Weißrussland|Belarussland
L|Moldova|Moldau|Moldawien
L|Georgia|Georgien
L|Serbia|Serbien
L|Croatia|Kroatien
L|Slovenia|Slowenien
L|Bosnia|Bosnien
L|Kosovo
L|Albania|Albanien
L|China|Volksrepublik China
L|Japan
L|India|Indien
L|Pakistan
L|Afghanistan
L|Iran
L|Iraq|Irak
L|Syria|Syrien
L|Israel
L|Gaza|Gazastreifen|Gaza Strip
L|West Bank|Westjordanland
L|Lebanon|Libanon
L|Jordan|Jordanien
L|Saudi Arabia|Saudi-Arabien
L|Yemen|Jemen
L|Qatar|Katar
L|Egypt|Ägypten
L|Libya|Libyen
L|Tunisia|Tunesien
L|Morocco|Marokko
L|Algeria|Algerien
L|Nigeria
L|South Africa|Südafrika
L|Ethiopia|Äthiopien
L|Sudan
L|Kenya|Kenia
L|Mali
L|Niger
L|Canada|Kanada
L|Mexico|Mexiko
L|Brazil|Brasilien
L|Argentina|Argentinien
L|Venezuela
L|Colombia|Kolumbien
L|Chile
L|Cuba|Kuba
L|Australia|Australien
L|New Zealand|Neuseeland
L|Indonesia|Indonesien
L|Vietnam
L|Thailand
L|Philippines|Philippinen
L|Taiwan
L|Hong Kong|Hongkong
L|Kazakhstan|Kasachstan
L|Armenia|Armenien
L|Azerbaijan|Aserbaidschan
L|Europe|Europa
L|Africa|Afrika
L|Asia|Asien
L|Crimea|Krim
L|Donbas|Donbass
L|Kyiv|Kiew|Kiev
L|Moscow|Moskau
L|Kharkiv|Charkiw|Kharkov|Charkow
L|Odesa|Odessa
L|Zaporizhzhia|Saporischschja
L|Kherson|Cherson
L|Donetsk|Donezk
L|Luhansk|Luhansk|Lugansk
L|Mariupol
L|Bakhmut|Bachmut
L|Kursk
L|Belgorod
L|St Petersburg|St. Petersburg|Sankt Petersburg|Saint Petersburg
L|Pyongyang|Pjöngjang
L|Seoul
L|Beijing|Peking
L|Washington
L|New York
L|London
L|Paris
L|Berlin
L|Vienna|Wien
L|Munich|München
L|Cologne|Köln
L|Frankfurt
L|Hamburg
L|Brussels|Brüssel
L|Rome|Rom
L|Geneva|Genf
L|Warsaw|Warschau
L|Prague|Prag
L|Budapest
L|Athens|Athen
L|Istanbul
L|Ankara
L|Tehran|Teheran
L|Jerusalem
L|Tel Aviv
L|Minsk
O|NATO|Nato|North Atlantic Treaty Organization|Nordatlantikpakt
O|European Union|EU|Europäische Union
O|European Commission|EU-Kommission|Europäische Kommission
O|United Nations|UN|UNO|Vereinte Nationen
O|UN Security Council|UN-Sicherheitsrat|Sicherheitsrat|Security Council
O|IAEA|IAEO|Internationale Atomenergiebehörde|International Atomic Energy Agency
O|WHO|Weltgesundheitsorganisation|World Health Organization
O|IMF|IWF|Internationaler Währungsfonds|International Monetary Fund
O|World Bank|Weltbank
O|ECB|EZB|Europäische Zentralbank|European Central Bank
O|Federal Reserve|Fed|US-Notenbank
O|G7
O|G20
O|OSCE|OSZE
O|Kremlin|Kreml
O|Pentagon
O|White House|Weißes Haus|Weisses Haus
O|Bundestag
O|Bundesregierung|German government
O|Duma|Staatsduma|State Duma
O|Hamas
O|Hezbollah|Hisbollah
O|Taliban
O|Wagner Group|Wagner-Gruppe|Gruppe Wagner
O|DeepState
O|BBC
O|CNN
O|Reuters
O|AFP
O|dpa|DPA
O|AP|Associated Press
O|Deutschlandfunk|DLF
O|Frankfurter Rundschau
O|Kölner Stadt-Anzeiger
O|Der Standard
O|Google
O|Apple
O|Microsoft
O|Amazon
O|Facebook|Meta
O|SPD
O|CDU
O|CSU
O|FDP
O|AfD
O|ÖVP
O|FPÖ
O|Grüne|Greens|Die Grünen
O|Labour|Labour Party
O|Conservatives|Conservative Party|Tories|Tory
O|Republicans|Republikaner|Republican Party
O|Democrats|Demokraten|Democratic Party
P|Volodymyr Zelensky|Wolodymyr Selenskyj|Selenskyj|Zelensky|Zelenskyy|Zelenskiy|Volodymyr Zelenskyy|Wolodymyr Selenskij|Selenskij
P|Vladimir Putin|Wladimir Putin|Putin
P|Maria Zakharova|Maria Sacharowa|Sacharowa|Zakharova
P|Sergey Lavrov|Sergej Lawrow|Lawrow|Lavrov|Sergei Lavrov
P|Dmitry Peskov|Dmitri Peskow|Peskow|Peskov
P|Dmitry Medvedev|Dmitri Medwedew|Medwedew|Medvedev
P|Sergei Shoigu|Sergej Schoigu|Schoigu|Shoigu
P|Alexei Navalny|Alexej Nawalny|Nawalny|Navalny
P|Kim Jong-un|Kim Jong Un|Kim Jong-Un|Kim Jongun
P|Donald Trump|Trump
P|Joe Biden|Biden
P|Donald Tusk|Tusk
P|Mark Rutte|Rutte
P|Jens Stoltenberg|Stoltenberg
P|Olaf Scholz|Scholz
P|Friedrich Merz|Merz
P|Angela Merkel|Merkel
P|Emmanuel Macron|Macron
P|Ursula von der Leyen|von der Leyen
P|Xi Jinping|Xi
P|Recep Tayyip Erdogan|Erdogan|Erdoğan
P|Benjamin Netanyahu|Netanjahu|Netanyahu
P|Michael McFaul|McFaul
P|Anatoly Aksakov|Anatoli Aksakow|Aksakow|Aksakov
P|Tony Blair|Blair
P|Gordon Brown|Brown
`;

export interface GazetteerEntry { key: string; name: string; kind: EntityKind }
/** One spelling of an entry; an all-capitals spelling ("WHO", "US") only matches text in capitals. */
export interface GazetteerAlias { entry: GazetteerEntry; allCaps: boolean }

/** Folds case, umlauts, diacritics and punctuation so spellings compare equal ("Sacharowa" ≠ "Zakharova" still). */
export function foldName(s: string): string {
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
    for (const a of [name, ...aliases]) {
      if (!out.has(foldName(a))) out.set(foldName(a), { entry, allCaps: a.length > 1 && a === a.toUpperCase() && /[A-Z]/.test(a) });
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
sundar satya warren jerome christine antony anthony lloyd jake kevin mike mitch chuck ron kamala jd j.d.
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
