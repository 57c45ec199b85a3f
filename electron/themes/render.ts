// A briefing as Markdown and as a self-contained HTML page (for export and `dossier brief`): themes with
// their key points, stories (outlets, dates, "also in"), entities and articles. No scripts, no remote assets.
import type { Briefing, EntityFacet, Theme } from '../article.ts';

const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '');
const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function period(b: Briefing): string {
  return b.from ? `${day(b.from)} – ${day(b.to)}` : `until ${day(b.to)}`;
}

/** Markdown punctuation in article text is shown, not interpreted. */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function entityLine(entities: EntityFacet[], max = 10): string {
  return entities.slice(0, max).map((e) => `${e.name}${e.articleCount > 1 ? ` (${e.articleCount})` : ''}`).join(', ');
}

function outletsOf(theme: Theme): number {
  return new Set(theme.stories.flatMap((s) => s.outlets)).size;
}

function themeSummary(t: Theme): string {
  const o = outletsOf(t);
  return `${count(t.articles.length, 'article')}${o ? ` · ${count(o, 'outlet')}` : ''}`;
}

/** The user's notes to include in a briefing export (issue 6): on the briefing and per theme id, as Markdown + HTML. */
export interface BriefingNotes {
  briefing?: { markdown: string; html: string } | null;
  themes?: Record<string, { markdown: string; html: string }>;
}

/** The briefing as Markdown; key points cite their article as "[#id]". */
export function renderBriefingMarkdown(b: Briefing, notes: BriefingNotes = {}): string {
  const out = [`# Briefing ${period(b)}`, '', `${count(b.articleCount, 'article')} in ${count(b.themes.length, 'theme')}.`, ''];
  if (notes.briefing) out.push('## My notes on this briefing', '', notes.briefing.markdown.trim(), '');
  if (b.themes.length === 0) out.push('No articles in this period.', '');
  for (const t of b.themes) {
    out.push(`## ${md(t.label)}`, '', `*${themeSummary(t)}*`, '');
    const note = notes.themes?.[t.id];
    if (note) out.push('**My notes**', '', note.markdown.trim(), '');
    if (t.keyPoints.length) {
      for (const k of t.keyPoints) out.push(`- ${md(k.text)} [#${k.articleId}]`);
      out.push('');
    }
    out.push('**Stories**', '');
    for (const s of t.stories) {
      const when = day(s.from) === day(s.to) ? day(s.to) : `${day(s.from)} – ${day(s.to)}`;
      const reports = s.articleIds.length + s.alsoIn.length;
      out.push(`- ${md(s.label)} — ${s.outlets.length ? md(s.outlets.join(', ')) : count(reports, 'report')}, ${when}`
        + ` (${s.articleIds.map((id) => `#${id}`).join(', ')})`);
      if (s.alsoIn.length) out.push(`  - also in: ${s.alsoIn.map((x) => `${md(x.outlet ?? 'unknown outlet')} (#${x.articleId})`).join(', ')}`);
    }
    out.push('');
    if (t.entities.length) out.push(`**Entities:** ${md(entityLine(t.entities))}`, '');
    out.push('**Articles**', '');
    for (const a of t.articles) out.push(`- #${a.id} ${md(a.title)}${a.outlet ? ` — ${md(a.outlet)}` : ''}, ${day(a.publishedAt ?? a.importedAt)}`);
    out.push('');
  }
  return out.join('\n');
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-top:1px solid #ddd;padding-top:1rem}
.meta{color:#666;font-size:.9rem}.kp li{margin:.3rem 0}.ref{color:#666;font-size:.85rem}ul{padding-left:1.2rem}`;

/** The briefing as one HTML document with inline styles; article references are "#id" anchors. */
export function renderBriefingHtml(b: Briefing, notes: BriefingNotes = {}): string {
  const parts = [
    '<!doctype html>', '<html><head><meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    `<title>Briefing ${html(period(b))}</title><style>${STYLE}</style></head><body>`,
    `<h1>Briefing ${html(period(b))}</h1>`, `<p class="meta">${count(b.articleCount, 'article')} in ${count(b.themes.length, 'theme')}.</p>`,
  ];
  // The notes' HTML comes from the export renderer, which escapes any raw HTML in them.
  if (notes.briefing) parts.push(`<section class="note"><h2>My notes on this briefing</h2>${notes.briefing.html}</section>`);
  if (b.themes.length === 0) parts.push('<p>No articles in this period.</p>');
  for (const t of b.themes) {
    parts.push(`<section id="theme-${html(t.id)}"><h2>${html(t.label)}</h2><p class="meta">${html(themeSummary(t))}</p>`);
    const note = notes.themes?.[t.id];
    if (note) parts.push(`<div class="note"><h3>My notes</h3>${note.html}</div>`);
    if (t.keyPoints.length) {
      parts.push('<ul class="kp">', ...t.keyPoints.map((k) =>
        `<li>${html(k.text)} <a class="ref" href="#article-${k.articleId}" data-start="${k.start}" data-end="${k.end}">#${k.articleId}</a></li>`), '</ul>');
    }
    parts.push('<h3>Stories</h3><ul>');
    for (const s of t.stories) {
      const when = day(s.from) === day(s.to) ? day(s.to) : `${day(s.from)} – ${day(s.to)}`;
      const also = s.alsoIn.length ? `<br><span class="meta">also in: ${s.alsoIn.map((x) => html(x.outlet ?? 'unknown outlet')).join(', ')}</span>` : '';
      parts.push(`<li>${html(s.label)} <span class="meta">— ${html(s.outlets.join(', ') || count(s.articleIds.length + s.alsoIn.length, 'report'))}, ${when}</span>${also}</li>`);
    }
    parts.push('</ul>');
    if (t.entities.length) parts.push(`<p><strong>Entities:</strong> ${html(entityLine(t.entities))}</p>`);
    parts.push('<h3>Articles</h3><ul>', ...t.articles.map((a) =>
      `<li id="article-${a.id}">${html(a.title)} <span class="meta">${html([a.outlet, day(a.publishedAt ?? a.importedAt)].filter(Boolean).join(' · '))}</span></li>`),
    '</ul></section>');
  }
  parts.push('</body></html>');
  return parts.join('\n');
}
