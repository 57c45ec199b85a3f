// The bundled alias list of entities: well-known places, organisations and people with their German and
// English spellings. Data only; parsed in entity-data.ts.

// One entry a line: kind letter (P person, O organisation, L place), then the canonical name, then aliases.
export const GAZETTEER = `
L|Ukraine|Ukraina
L|Iceland|Island@de
L|Reykjavik|Reykjavík
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
O|Deutsche Bahn|Deutschen Bahn@de|DB@de
O|GDL|Gewerkschaft Deutscher Lokomotivführer
O|Verdi|Ver.di
O|Borussia Dortmund|BVB
O|Bayern Munich|FC Bayern|Bayern München|FC Bayern München
O|Real Madrid
O|FC Barcelona|Barça
O|Manchester United|Man Utd
O|Manchester City|Man City
O|Chelsea
O|Arsenal
O|Liverpool FC
O|Champions League|Champions-League
O|Premier League
O|Bundesliga
O|FIFA
O|UEFA
O|IOC
`;
