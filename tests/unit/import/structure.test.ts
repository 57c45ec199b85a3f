// Structure of unmarked text: paragraphs, title, headings with offsets, byline/date lines, cited outlets.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePlainText } from '../../../electron/import/formats/text.ts';
import { cleanInline, splitParagraphs, wordCount } from '../../../electron/import/normalize.ts';
import { findCitedOutlets } from '../../../electron/import/outlets.ts';
import { dateLineKind, firstSentence, headlineFrom, isHeadingLike, parseByline } from '../../../electron/import/structure.ts';
import { needsCorpora, seedFile } from '../../helpers.ts';

/** A seed-like briefing: untitled first paragraph, plain headings, outlets named in the last line. */
const SEED_LIKE = [
  'Die Bundesregierung hat sich nach langen Verhandlungen auf einen Haushalt für das kommende Jahr geeinigt. Die Opposition kritisiert vor allem die Kürzungen bei der Entwicklungshilfe und beim Klimaschutz.',
  'Streit um die Schuldenbremse',
  'Finanzminister und Wirtschaftsminister hatten wochenlang über die Auslegung der Schuldenbremse gestritten. Am Ende einigten sich beide auf ein Sondervermögen für die Bahn.',
  'Reaktionen der Länder',
  'Die Länder begrüßten die Einigung, verlangen aber mehr Geld für den Nahverkehr. Der bayerische Ministerpräsident sprach von einem Kompromiss auf Kosten des Südens.',
  'Für weitere Hintergründe besuchen Sie Süddeutsche Zeitung, Der Tagesspiegel und tagesschau.de.',
].join('\n\n');

describe('a text without markup gets a headline, sections and its cited outlets', () => {
  const d = parsePlainText(SEED_LIKE, 'haushalt.txt');

  test('the headline is the first sentence, and the text keeps it', () => {
    expect(d.title).toBe('Die Bundesregierung hat sich nach langen Verhandlungen auf einen Haushalt für das kommende Jahr geeinigt');
    expect(d.text.startsWith('Die Bundesregierung')).toBe(true);
  });

  test('plain headings become sections whose offsets point at them in the text', () => {
    expect(d.sections.map((s) => s.heading)).toEqual(['Streit um die Schuldenbremse', 'Reaktionen der Länder']);
    for (const s of d.sections) expect(d.text.slice(s.start, s.start + s.heading.length)).toBe(s.heading);
  });

  test('the outlets named in the last line are cited', () => {
    expect(d.citedOutlets).toEqual(['Süddeutsche Zeitung', 'Der Tagesspiegel', 'tagesschau.de']);
  });

  test('paragraphs are separated by one blank line', () => {
    expect(d.text.split('\n\n')).toHaveLength(6);
  });
});

describe.skipIf(!existsSync(seedFile))(`the seed briefing${needsCorpora}`, () => {
  const d = existsSync(seedFile) ? parsePlainText(readFileSync(seedFile, 'utf8'), 'seed.txt') : null;

  test('gets a headline a journalist would accept', () => {
    expect(d!.title).toBe('Russland hat sich in den letzten Tagen verstärkt auf militärische Offensive gegen die Ukraine konzentriert');
    expect(d!.title.length).toBeLessThanOrEqual(120);
  });

  test('has its two section headings at the right offsets', () => {
    expect(d!.sections.map((s) => s.heading)).toEqual(['Kämpfe und Verluste in Kursk', 'Die Rolle Nordkoreas']);
    for (const s of d!.sections) expect(d!.text.slice(s.start, s.start + s.heading.length)).toBe(s.heading);
  });

  test('cites the three outlets of its last line, and only those', () => {
    expect(d!.citedOutlets).toEqual(['Kölner Stadt-Anzeiger', 'Frankfurter Rundschau', 'Deutschlandfunk']);
  });

  test('is German', () => {
    expect(d!.language).toBe('de');
  });
});

describe('title, byline and date lines at the top are metadata, not body text', () => {
  test('title line, byline and date line', () => {
    const d = parsePlainText('Streik legt Flughafen lahm\n\nVon Anna Muster, Hamburger Abendblatt\n\n24. November 2026\n\nAm Hamburger Flughafen fallen heute fast alle Flüge aus, weil das Sicherheitspersonal streikt. Reisende sollen nicht anreisen.', 'f.txt');
    expect(d).toMatchObject({ title: 'Streik legt Flughafen lahm', byline: 'Anna Muster', outlet: 'Hamburger Abendblatt', publishedAt: '2026-11-24' });
    expect(d.text.startsWith('Am Hamburger Flughafen')).toBe(true);
  });

  test('an English byline with a date in it', () => {
    const d = parsePlainText('Rail strike called off\n\nBy Tom Jones | November 24, 2026\n\nThe planned rail strike has been called off after unions accepted a new pay offer on Monday night.', 'r.txt');
    expect(d).toMatchObject({ title: 'Rail strike called off', byline: 'Tom Jones', publishedAt: '2026-11-24' });
  });

  test('a title is taken even when a byline or date line shorter than it follows', () => {
    const body = 'Am Hamburger Flughafen fallen heute fast alle Flüge aus, weil das Sicherheitspersonal streikt.';
    const d = parsePlainText(`Streik legt den Hamburger Flughafen lahm\n\nVon Anna Muster\n\nStand: 01.12.2026\n\n${body}`, 'f.txt');
    expect(d).toMatchObject({ title: 'Streik legt den Hamburger Flughafen lahm', byline: 'Anna Muster', publishedAt: '2026-12-01' });
    expect(d.text.startsWith('Am Hamburger Flughafen')).toBe(true);
  });

  test.each([
    ['Wien, 3. Dezember 2026', '2026-12-03'],
    ['Berlin (dpa) – 2. Dez. 2026', '2026-12-02'],
    ['WASHINGTON — Dec. 1, 2026', '2026-12-01'],
  ])('a dateline %j dates the article and its place stays in the text', (line, iso) => {
    const d = parsePlainText(`Koalition einigt sich auf den Haushalt\n\n${line}\n\nNach einer langen Nacht haben sich die Parteien auf einen Kompromiss geeinigt.`, 'h.txt');
    expect(d).toMatchObject({ title: 'Koalition einigt sich auf den Haushalt', publishedAt: iso });
    expect(d.text.startsWith(line)).toBe(true);
  });

  test.each([
    ['Stand: 01.12.2026 14:30 Uhr', 'date'],
    ['Montag, 30. November 2026', 'date'],
    ['Wien, 3. Dezember 2026', 'dateline'],
    ['Seit 2. Dezember 2026', null],
    ['Der Gipfel in Wien, 3. Dezember 2026', null],
    ['Wien, 3. Dezember 2026, war ein kalter Tag', null],
  ])('%j is a line of kind %s', (line, kind) => {
    expect(dateLineKind(line)).toBe(kind);
  });

  test('an agency tag with a date at the end dates the article', () => {
    const d = parsePlainText('Der Nationalrat hat das Budget mit den Stimmen der Regierungsparteien beschlossen. Die Opposition stimmte geschlossen dagegen. (APA, 7.5.2016)', 'b.txt');
    expect(d.publishedAt).toBe('2016-05-07');
    expect(d.citedOutlets).toEqual(['APA']);
  });
});

describe('sentences and headlines', () => {
  test.each([
    ['Am 9. Juni wurde gewählt. Danach kam der Streit.', 'Am 9. Juni wurde gewählt.'],
    ['Dr. Müller sprach z. B. über 1.000 Fälle. Weiter.', 'Dr. Müller sprach z. B. über 1.000 Fälle.'],
    ['The U.S. Army said so. Then it left.', 'The U.S. Army said so.'],
    ['„Wir machen weiter.“ Das sagte sie.', '„Wir machen weiter.“'],
    ['No full stop at all', 'No full stop at all'],
  ])('first sentence of %j', (text, sentence) => {
    expect(firstSentence(text)).toBe(sentence);
  });

  test('a very long first sentence is cut at a clause, not mid-word', () => {
    const long = 'Nach monatelangen Verhandlungen zwischen den Koalitionsparteien, den Ländern und den kommunalen Spitzenverbänden über die Finanzierung der Flüchtlingsunterbringung haben sich alle Seiten am späten Abend auf einen Kompromiss geeinigt.';
    const h = headlineFrom(long);
    expect(h.length).toBeLessThanOrEqual(142);
    expect(long.startsWith(h.replace(/ …$/, ''))).toBe(true);
  });

  test.each([
    ['Kämpfe und Verluste in Kursk', true],
    ['Was bedeutet das für Pendler?', true],
    ['Das ist ein ganzer Satz mit Punkt.', false],
    ['kleingeschrieben beginnt keine Überschrift', false],
    ['Quelle: dpa', false],
    ['Von Anna Muster', false],
    ['24. November 2026', false],
  ])('%j looks like a heading: %s', (line, expected) => {
    expect(isHeadingLike(line, 'Ein Absatz mit genug Text, um als Fließtext zu gelten, und noch etwas mehr.')).toBe(expected);
  });

  test.each([
    ['Von Redaktion, Der Standard', { byline: 'Redaktion', outlet: 'Der Standard', date: null }],
    ['By staff reporter, BBC News', { byline: 'staff reporter', outlet: 'BBC News', date: null }],
    ['By Erin Cunningham, Anna Fifield', { byline: 'Erin Cunningham, Anna Fifield', outlet: null, date: null }],
    ['Von Max Meier | 3. März 2026', { byline: 'Max Meier', outlet: null, date: '2026-03-03' }],
    ['Von den Bergen weht ein kalter Wind.', null],
  ])('byline %j', (line, expected) => {
    expect(parseByline(line)).toEqual(expected);
  });
});

describe('paragraphs from plain text', () => {
  test.each([
    ['blank lines separate paragraphs', 'Eins.\n\nZwei.', ['Eins.', 'Zwei.']],
    ['Windows line ends', 'Eins.\r\n\r\nZwei.\r\n', ['Eins.', 'Zwei.']],
    ['one paragraph per line', 'Erster Absatz.\nZweiter Absatz.', ['Erster Absatz.', 'Zweiter Absatz.']],
    ['soft hyphens and zero-width spaces vanish', 'Bundes\u00ADregierung\u200B tagt.', ['Bundesregierung tagt.']],
    ['non-breaking and repeated spaces collapse', 'Ein\u00A0 Satz\t mit  Lücken.', ['Ein Satz mit Lücken.']],
    ['NFC: combining umlauts are composed', 'Mu\u0308nchen', ['München']],
    ['list items stay apart', 'Punkte:\n- eins\n- zwei', ['Punkte:', '- eins', '- zwei']],
  ])('%s', (_what, raw, paras) => {
    expect(splitParagraphs(raw)).toEqual(paras);
  });

  test('hard-wrapped lines are joined into paragraphs', () => {
    const wrapped = [
      'The only passenger ferry between Cuxhaven and Heligoland will not run',
      'for at least two weeks after a storm damaged the pier on the island,',
      'the operator said on Monday. Islanders and tourists can still reach',
      'the island by plane, but seats are limited.',
      '',
      'The local council said supplies of food and fuel were secure for now.',
      'Engineers are expected to inspect the pier on Wednesday.',
    ].join('\n');
    const paras = splitParagraphs(wrapped);
    expect(paras).toHaveLength(2);
    expect(paras[0]).toContain('will not run for at least two weeks');
  });

  test('cleanInline and wordCount', () => {
    expect(cleanInline('  a \n b  ')).toBe('a b');
    expect(wordCount('Die U-Bahn fährt um 6 Uhr, sagt O’Neill.')).toBe(8);
  });
});

describe('cited outlets', () => {
  test.each([
    ['a source line', 'Text.\n\nQuelle: Süddeutsche Zeitung und tagesschau.de', ['Süddeutsche Zeitung', 'tagesschau.de']],
    ['sources in English', 'Text.\n\nSources: Reuters, AP and Bloomberg', ['Reuters', 'AP', 'Bloomberg']],
    ['an agency tag', 'Der Text endet hier. (APA/dpa, 7.5.2016)', ['APA', 'dpa']],
    ['well-known outlets in running text', 'The firm told Reuters that it agreed, the BBC reported.', ['Reuters', 'BBC']],
    ['a cue followed by prose names nothing', 'Text.\n\nBesuchen Sie die Ausstellung im Stadtmuseum.', []],
    ['words that are also outlet names do not count', 'Die Zeit drängt, sagte sie. Die Welt schaut zu.', []],
    ['no outlet inside a longer word', 'Die Reutersche Theorie und das ARDennen-Gebirge.', []],
  ])('%s', (_what, text, outlets) => {
    expect(findCitedOutlets(text)).toEqual(outlets);
  });
});

describe('Markdown markup never reaches the stored text', () => {
  test('emphasis, links, code, tables and raw HTML are reduced to their words', async () => {
    const { parseMarkdown } = await import('../../../electron/import/formats/markdown.ts');
    const d = parseMarkdown('# Titel\n\nEin **fetter** und [verlinkter](https://x.de) Satz mit `Code`.\n\n<script>alert(1)</script>\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nNoch ein Absatz &amp; Schluss.', 'n.md');
    expect(d.title).toBe('Titel');
    expect(d.text).toBe('Ein fetter und verlinkter Satz mit Code.\n\nA | B\n\n1 | 2\n\nNoch ein Absatz & Schluss.');
  });
});
