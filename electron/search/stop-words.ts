// Stop words: only function words. The big published German lists (stopwords-iso, stopword's `deu`) also
// hold nouns a journalist searches for (Jahr, Zeit, Recht, Menschen, Ende, Weg), so German uses this core
// list, derived from the Snowball German list; English uses the Snowball-sized list of the `stopword` package.
import { createRequire } from 'node:module';

const GERMAN = `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm
andern anders auch auf aus bei beim bin bis bist da damit dann das dass daß dasselbe dazu dein deine deinem deinen
deiner deines dem demselben den denn denselben der derer derselbe derselben des desselben dessen dich die dies diese
dieselbe dieselben diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einig einige
einigem einigen einiger einiges einmal er es etwas euch euer eure eurem euren eurer eures für gegen gewesen hab habe
haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede
jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines können könnte
machen man manche manchem manchen mancher manches mein meine meinem meinen meiner meines mich mir mit muss musste
nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie sind so
solche solchem solchen solcher solches soll sollte sondern sonst über um und uns unsere unserem unseren unser
unseres unter viel vom von vor während war waren warst was weil weiter welche welchem welchen welcher welches
wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen`;

const GERMAN_STOP = new Set(GERMAN.split(/\s+/).filter(Boolean));
// The stopword package holds the lists of 60 languages in one CommonJS file: required when English is first
// analyzed, not imported at start-up.
const requireCjs = createRequire(import.meta.url);
let englishStop: Set<string> | null = null;

export function isStopWordIn(term: string, language: string): boolean {
  if (language === 'de') return GERMAN_STOP.has(term);
  if (language === 'en') return (englishStop ??= new Set((requireCjs('stopword') as typeof import('stopword')).eng)).has(term);
  return false;
}
