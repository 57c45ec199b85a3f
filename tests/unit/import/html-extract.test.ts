// The fast web-page extractor on small saved pages: the article without navigation, cookie layer, share
// buttons, related links, newsletter form, comments or footer; metadata from JSON-LD, meta tags and markup;
// and the same text as Readability (the reference it re-implements) on every fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractHtmlArticle, parseHtml } from '../../../electron/import/formats/html.ts';
import { fixturesDir } from '../../helpers.ts';
import { parseHtmlWithReadability } from '../../bench/html-reference.ts';

const page = (name: string) => readFileSync(join(fixturesDir, 'html', name), 'utf8');

describe('boilerplate is dropped, the article stays', () => {
  test.each([
    ['boilerplate-de.html', ['Nach drei Tagen Sturmpause hat die Reederei', 'Die Gemeinde rechnet damit'],
      ['Cookies', 'akzeptieren', 'Jetzt abonnieren', 'Start › Rügen', 'Teilen', 'Twittern', 'Mehr zum Thema', 'Orkan legt Fährverkehr lahm',
        'Newsletter', 'Kommentare', 'Inselkind', 'längst reparieren', 'Impressum', 'Von Jana Richter']],
    ['meta-tags-en.html', ['The city council has approved plans', 'once in a hundred years'],
      ['Home', 'Weather', 'Related stories', 'Floods: the clean-up begins', 'Join the conversation', 'Most read', 'sourdough', 'Privacy policy']],
    ['byline-markup.html', ['Die Stadtbibliothek öffnet ab April', 'ob es dauerhaft bleibt'], ['Startseite', 'Lena Vogt', '2. März 2026', 'Bibliothek Kultur']],
  ])('%s', (name, kept, dropped) => {
    const d = parseHtml(page(name), name);
    for (const phrase of kept) expect(d.text).toContain(phrase);
    for (const phrase of dropped) expect(d.text, phrase).not.toContain(phrase);
    expect(d.sections.every((s) => d.text.slice(s.start, s.start + s.heading.length) === s.heading)).toBe(true);
  });
});

describe('metadata comes from JSON-LD, meta tags and the markup', () => {
  test.each([
    ['boilerplate-de.html', { title: 'Fähre nach Hiddensee fährt wieder', byline: 'Jana Richter', outlet: 'Nordkurier Digital',
      publishedAt: '2026-02-14T07:30:00+01:00', language: 'de', links: ['https://nordkurier.example.de/ruegen/faehre-hiddensee'] }, ['Schäden am Anleger in Kloster']],
    ['meta-tags-en.html', { title: 'Council approves new flood barrier', byline: 'Tom Hartley', outlet: 'Riverside Gazette',
      publishedAt: '2026-05-06T16:45:00Z', language: 'en', links: ['https://gazette.example.co.uk/news/flood-barrier'] }, ['Residents divided over the route']],
    ['byline-markup.html', { title: 'Stadtbibliothek öffnet sonntags', byline: 'Lena Vogt', outlet: null,
      publishedAt: '2026-03-02T09:00:00+01:00', language: 'de', links: [] }, []],
  ])('%s', (name, meta, sections) => {
    const d = parseHtml(page(name), name);
    expect(d).toMatchObject({ format: 'html', ...meta });
    expect(d.sections.map((s) => s.heading)).toEqual(sections);
  });
});

describe('the fast path agrees with Readability and needs no fallback', () => {
  test.each(['boilerplate-de.html', 'meta-tags-en.html', 'byline-markup.html'])('%s', (name) => {
    const html = page(name);
    expect(extractHtmlArticle(html).extractor).toBe('fast');
    const fast = parseHtml(html, name);
    const reference = parseHtmlWithReadability(html, name);
    expect({ ...fast, citedOutlets: undefined }).toEqual({ ...reference, citedOutlets: undefined });
  });

  test('a short note with no article block is read from its body, without navigation', () => {
    const html = '<html><body><nav><a href="/">Start</a></nav><p>Notiz: Die Pressekonferenz des Bürgermeisters ist auf Donnerstag, 10 Uhr, verschoben worden.</p></body></html>';
    expect(parseHtml(html, 'notiz.html').text).toBe('Notiz: Die Pressekonferenz des Bürgermeisters ist auf Donnerstag, 10 Uhr, verschoben worden.');
  });

  test('a saved fragment without <html> or <body> imports too (the old import refused it)', () => {
    const html = '<h1>Fernwärme wird teurer</h1><p>Die Stadtwerke erhöhen zum 1. April die Preise für Fernwärme um durchschnittlich zwölf Prozent, wie das Unternehmen am Montag mitteilte. Begründet wird der Schritt mit gestiegenen Kosten.</p><p>Verbraucherschützer kritisieren die Erhöhung als zu hoch und raten, die Abrechnungen genau zu prüfen. Ein Widerspruch sei innerhalb von vier Wochen möglich.</p>';
    expect(extractHtmlArticle(html).extractor).toBe('fast');
    const d = parseHtml(html, 'fernwaerme.html');
    expect(d.title).toBe('Fernwärme wird teurer');
    expect(d.text.startsWith('Die Stadtwerke erhöhen zum 1. April')).toBe(true);
    expect(d.text).toContain('Ein Widerspruch sei innerhalb von vier Wochen möglich.');
  });

  test('hostile width (tens of thousands of empty paragraphs) is read whole, not extracted slowly', () => {
    const html = `<html><body>${'<p></p>'.repeat(30_000)}<p>Ein Absatz mit genug Text für einen Artikel über sehr breite Seiten, die niemand von Hand schreibt.</p></body></html>`;
    const a = extractHtmlArticle(html);
    expect(a.extractor).toBe('body');
    expect(a.blocks.map((b) => b.text)).toEqual(['Ein Absatz mit genug Text für einen Artikel über sehr breite Seiten, die niemand von Hand schreibt.']);
  });
});
