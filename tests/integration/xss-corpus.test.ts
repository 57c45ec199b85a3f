// XSS payloads in HTML, e-mail, RSS, Atom and Markdown, imported through the real pipeline: what is stored
// is text without any markup that could become active if it were ever put into a page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openLibrary, type Library } from '../../electron/library.ts';
import type { Article } from '../../electron/article.ts';
import { fixturesDir, tempDir } from '../helpers.ts';

export const xssDir = join(fixturesDir, 'xss');

/** Markup that would run, load or submit something if a stored string were ever treated as HTML. */
export const ACTIVE_MARKUP = [
  /<\s*\/?\s*(script|iframe|svg|img|object|embed|meta|link|style|form|input|button|details|math|noscript|base)\b/i,
  /\bon[a-z]+\s*=\s*["']?[^\s"'>]*/i,
  /expression\s*\(/i,
];

describe('XSS payloads imported through the real pipeline', () => {
  let library: Library;
  let articles: Article[] = [];
  let cleanup = () => {};

  beforeAll(async () => {
    const t = tempDir('dossier-xss-');
    cleanup = t.cleanup;
    library = await openLibrary({ dir: t.dir });
    const report = await library.importPaths([xssDir]);
    expect(report.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    articles = library.list({}).map((a) => library.get(a.id).article);
  });
  afterAll(async () => {
    await library?.close();
    cleanup();
  });

  test('every payload file is imported with its real article text', () => {
    const files = new Set(articles.map((a) => basename(a.fileName).replace(/#\d+$/, '')));
    for (const f of readdirSync(xssDir)) expect(files, f).toContain(f);
    const all = articles.map((a) => a.text).join('\n');
    for (const phrase of ['protects the sources of journalists', 'Schutz journalistischer Quellen', 'new wage deal',
      'northern route', 'Kommunalwahl', 'night shifts']) {
      expect(all).toContain(phrase);
    }
  });

  test('no stored title, byline, outlet or text contains active markup', () => {
    const offenders: string[] = [];
    for (const a of articles) {
      const fields = { title: a.title, byline: a.byline ?? '', outlet: a.outlet ?? '', text: a.text,
        sections: a.sections.map((s) => s.heading).join('\n') };
      for (const [field, value] of Object.entries(fields)) {
        for (const re of ACTIVE_MARKUP) {
          const m = re.exec(value);
          if (m) offenders.push(`${a.fileName} ${field}: ${m[0]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  test('only web links are kept as source links: no javascript:, data: or file: addresses', () => {
    const links = articles.flatMap((a) => a.links);
    expect(links.filter((l) => !/^https?:\/\//i.test(l))).toEqual([]);
    expect(links).toContain('https://news.example/ferry-service-resumes');
  });
});
