// Renders a theme for export (its label, the user's note on it, its stories, and its articles with their highlights
// and notes) as Obsidian-friendly Markdown and as standalone HTML, plus the theme/briefing-note part of a notes digest.
import type { Story, TargetNote, Theme } from '../article.ts';
import { escapeHtml, exportFileName, htmlPage, noteHtml, slugify, type ExportItem } from './render.ts';

/** What a theme export holds. `theme` is null when the theme is gone and only its note is left. */
export interface ThemeExport {
  id: string;
  label: string;
  theme: Theme | null;
  note: TargetNote | null;
  /** Its articles, newest first, each with its note, highlights and tags. */
  items: ExportItem[];
}

export function themeFileName(label: string, format: 'markdown' | 'html'): string {
  return `theme-${slugify(label)}.${format === 'markdown' ? 'md' : 'html'}`;
}

/** The Obsidian note name of an article's exported file (`[[00012-title]]` resolves to it in a vault). */
const wikiName = (item: ExportItem) => exportFileName(item.article, 'markdown').replace(/\.md$/, '');
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');
const yaml = (s: string) => JSON.stringify(s);
/** Markdown punctuation in article titles is shown, not interpreted ('|' and ']' would break a wikilink). */
const mdText = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ').trim();

function storyWhen(s: Story): string {
  return day(s.from) === day(s.to) ? day(s.to) : `${day(s.from)} – ${day(s.to)}`;
}

function quoteLines(item: ExportItem): string[] {
  const out: string[] = [];
  for (const h of item.highlights ?? []) {
    out.push(...h.quote.trim().split('\n').map((l) => `> ${l}`));
    out.push(`> — ${h.color}${h.detached ? ', detached: no longer found in the text' : ''}`, '');
    if (h.comment.trim()) out.push(h.comment.trim(), '');
  }
  return out;
}

export function themeMarkdown(x: ThemeExport, exportedAt = new Date()): string {
  const byId = new Map(x.items.map((i) => [i.article.id, i]));
  const link = (id: number) => { const i = byId.get(id); return i ? `[[${wikiName(i)}|${mdText(i.article.title).replace(/\\\|/g, '-')}]]` : `#${id}`; };
  const out = ['---', `title: ${yaml(x.label)}`, `dossier_theme: ${yaml(x.id)}`, `exported: ${exportedAt.toISOString()}`,
    `articles: ${x.items.length}`, 'tags: ["dossier-theme"]', '---', '', `# ${mdText(x.label)}`, ''];
  if (!x.theme) out.push('*This theme no longer exists in the library; its note is kept.*', '');
  else out.push(`*${x.items.length} article${x.items.length === 1 ? '' : 's'}*`, '');
  if (x.note) out.push('## My notes on this theme', '', x.note.body.trim(), '');
  if (x.theme?.keyPoints.length) {
    out.push('## Key points', '');
    for (const k of x.theme.keyPoints) out.push(`- ${mdText(k.text)} (${link(k.articleId)})`);
    out.push('');
  }
  if (x.theme?.stories.length) {
    out.push('## Stories', '');
    for (const s of x.theme.stories) {
      out.push(`- ${mdText(s.label)} — ${s.outlets.length ? mdText(s.outlets.join(', ')) : ''}${s.outlets.length ? ', ' : ''}${storyWhen(s)}: ${s.articleIds.map(link).join(', ')}`);
    }
    out.push('');
  }
  if (x.items.length) out.push('## Articles', '');
  for (const item of x.items) {
    const a = item.article;
    out.push(`### ${link(a.id)}`, '', [a.outlet, a.byline, day(a.publishedAt ?? a.importedAt), a.links[0] ? `<${a.links[0]}>` : `\`${a.fileName}\``]
      .filter(Boolean).join(' · '), '');
    if (item.tags?.length) out.push(item.tags.map((t) => `#${t}`).join(' '), '');
    out.push(...quoteLines(item));
    if (item.note?.body.trim()) out.push('**My notes**', '', item.note.body.trim(), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

const STYLE = `body{font:17px/1.6 Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em;color:#1b1d21}
.meta{color:#555;font:14px system-ui,sans-serif}blockquote{margin:.6em 0;padding-left:.8em;border-left:4px solid #e8c547;font-style:italic}
blockquote.hl-green{border-color:#5cb85c}blockquote.hl-blue{border-color:#4a90d9}blockquote.hl-pink{border-color:#e46fa5}
.note{border-left:3px solid #c9a227;padding-left:.8em}article{border-top:1px solid #ddd;margin-top:1.5em}`;

function itemHtml(item: ExportItem, linkFiles: boolean): string {
  const a = item.article;
  const title = escapeHtml(a.title);
  const heading = linkFiles ? `<a href="${escapeHtml(exportFileName(a, 'html'))}">${title}</a>` : title;
  const meta = [a.outlet, a.byline, day(a.publishedAt ?? a.importedAt)].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
  const source = a.links[0] ? ` · <a href="${escapeHtml(a.links[0])}">${escapeHtml(a.links[0])}</a>` : ` · ${escapeHtml(a.fileName)}`;
  const hs = (item.highlights ?? []).map((h) => `<blockquote class="hl-${h.color}">${escapeHtml(h.quote)}</blockquote>` +
    (h.comment.trim() ? `<p>${escapeHtml(h.comment)}</p>` : '') + (h.detached ? '<p class="meta">(no longer found in the text)</p>' : '')).join('');
  const note = item.note?.body.trim() ? `<div class="note"><h4>My notes</h4>${noteHtml(item.note.body)}</div>` : '';
  return `<article id="article-${a.id}"><h3>${heading}</h3><p class="meta">${meta}${source}</p>${hs}${note}</article>`;
}

/** The theme as one HTML page; with `linkFiles`, article titles link to the article files written beside it. */
export function themeHtml(x: ThemeExport, opts: { linkFiles?: boolean } = {}): string {
  const stories = x.theme?.stories.length
    ? `<h2>Stories</h2><ul>${x.theme.stories.map((s) => `<li>${escapeHtml(s.label)} <span class="meta">— ${escapeHtml(s.outlets.join(', '))}${s.outlets.length ? ', ' : ''}${storyWhen(s)}</span> ${s.articleIds.map((id) => `<a href="#article-${id}">#${id}</a>`).join(' ')}</li>`).join('')}</ul>`
    : '';
  return htmlPage({ lang: 'en', title: x.label, style: STYLE, body: `<h1>${escapeHtml(x.label)}</h1>
<p class="meta">${x.theme ? `${x.items.length} article${x.items.length === 1 ? '' : 's'}` : 'This theme no longer exists in the library; its note is kept.'}</p>
${x.note ? `<section class="note"><h2>My notes on this theme</h2>${noteHtml(x.note.body)}</section>` : ''}
${stories}
${x.items.length ? `<h2>Articles</h2>${x.items.map((i) => itemHtml(i, opts.linkFiles ?? false)).join('\n')}` : ''}
<p class="meta">Exported from Dossier · theme ${escapeHtml(x.id)}</p>
` });
}

/** The heading a theme or briefing note is listed under. */
export function targetNoteTitle(n: TargetNote, currentLabel?: string | null): string {
  if (n.kind === 'briefing') return `Briefing ${n.key}`;
  const label = currentLabel ?? n.label ?? n.key;
  return currentLabel === null ? `Theme: ${label || n.key} (no longer in the library)` : `Theme: ${label || n.key}`;
}

/** Theme and briefing notes as a Markdown part of the notes digest (and of briefing exports). */
export function targetNotesMarkdown(notes: Array<TargetNote & { currentLabel?: string | null }>): string {
  if (notes.length === 0) return '';
  const parts = ['## Theme and briefing notes', ''];
  for (const n of notes) parts.push(`### ${mdText(targetNoteTitle(n, n.currentLabel))}`, '', `*updated ${day(n.updatedAt)}*`, '', n.body.trim(), '');
  return parts.join('\n');
}

export function targetNotesHtml(notes: Array<TargetNote & { currentLabel?: string | null }>): string {
  if (notes.length === 0) return '';
  return `<section class="target-notes"><h2>Theme and briefing notes</h2>${notes.map((n) =>
    `<section class="note"><h3>${escapeHtml(targetNoteTitle(n, n.currentLabel))}</h3><p class="meta">updated ${day(n.updatedAt)}</p>${noteHtml(n.body)}</section>`).join('')}</section>`;
}
