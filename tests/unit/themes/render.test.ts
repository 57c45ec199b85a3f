// Briefing export: Markdown and HTML a journalist can paste or open, with nothing executable inside.
import { describe, expect, test } from 'vitest';
import { buildBriefing, renderBriefingHtml, renderBriefingMarkdown } from '../../../electron/themes/index.ts';
import { fixtureArticles } from './fixture-articles.ts';

const articles = fixtureArticles();
const briefing = buildBriefing(articles, { from: null, to: new Date('2026-11-22T00:00:00Z') });

describe('exporting a briefing', () => {
  test('Markdown shows every theme with its key points, stories, entities and articles', () => {
    const md = renderBriefingMarkdown(briefing);
    expect(md).toMatch(/^# Briefing until 2026-11-22/);
    expect(md).toContain(`${articles.length} articles in ${briefing.themes.length} themes.`);
    for (const t of briefing.themes) {
      expect(md).toContain(`## ${t.label}`);
      for (const a of t.articles) expect(md).toContain(`#${a.id} `);
    }
    expect(md).toContain('also in: Yahoo News (#13)');
    expect(md).toContain('**Entities:**');
  });

  test('HTML is one page with the same content, escaped, and no scripts or remote resources', () => {
    const evil = [{ ...articles[0]!, id: 77, title: '<script>alert(1)</script> & <img src=x>' }];
    const page = renderBriefingHtml(buildBriefing(evil, { from: null, to: new Date('2026-11-22T00:00:00Z') }));
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script|<img|https?:\/\//i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x&gt;');
    const full = renderBriefingHtml(briefing);
    for (const t of briefing.themes) expect(full).toContain(t.keyPoints[0]!.text.replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
  });

  test('an empty period says so in both formats', () => {
    const empty = buildBriefing([], { from: new Date('2026-11-21T00:00:00Z'), to: new Date('2026-11-22T00:00:00Z') });
    expect(renderBriefingMarkdown(empty)).toContain('No articles in this period.');
    expect(renderBriefingHtml(empty)).toContain('No articles in this period.');
  });
});
