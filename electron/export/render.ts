// Renders articles with their notes for export: Markdown (Obsidian-friendly front matter), standalone HTML
// (escaped, scripts impossible under its own CSP) and JSON (everything, for tools and round trips).
import { Marked } from 'marked';
import type { Article, Note } from '../article.ts';
import type { Highlight, TargetNote } from '../article.ts';

export type ExportFormat = 'markdown' | 'html' | 'json';
export const EXPORT_FORMAT_VERSION = 'dossier-export/1';

export interface ExportItem {
  article: Article;
  note: Note | null;
  /** In reading order; detached ones (quote no longer found in the text) are exported too. */
  highlights?: Highlight[];
  tags?: string[];
}

export function slugify(title: string): string {
  const slug = title.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'article';
}

/** A file name that is stable, unique per article and safe on every file system. */
export function exportFileName(a: Article, format: Exclude<ExportFormat, 'json'>): string {
  return `${String(a.id).padStart(5, '0')}-${slugify(a.title)}.${format === 'markdown' ? 'md' : 'html'}`;
}

const yamlString = (s: string) => JSON.stringify(s);

/** Paragraphs of the text, with section headings marked so they can become headings in the export. */
function blocks(a: Article): Array<{ heading: boolean; text: string }> {
  const headingStarts = new Set(a.sections.map((s) => s.start));
  const out: Array<{ heading: boolean; text: string }> = [];
  let offset = 0;
  for (const para of a.text.split('\n\n')) {
    if (para.trim()) out.push({ heading: headingStarts.has(offset), text: para.trim() });
    offset += para.length + 2;
  }
  return out;
}

/** `> quote` blocks, each followed by its comment: what Obsidian and most Markdown tools show as highlights. */
function markdownHighlights(hs: Highlight[]): string[] {
  if (hs.length === 0) return [];
  const out = ['', '## Highlights', ''];
  for (const h of hs) {
    out.push(...h.quote.trim().split('\n').map((l) => `> ${l}`));
    out.push(`> — ${h.color}${h.detached ? ', detached: no longer found in the text' : ''}`, '');
    if (h.comment.trim()) out.push(h.comment.trim(), '');
  }
  return out;
}

export function toMarkdown({ article: a, note, highlights = [], tags = [] }: ExportItem): string {
  const front = [
    '---',
    `title: ${yamlString(a.title)}`,
    a.outlet ? `outlet: ${yamlString(a.outlet)}` : null,
    a.byline ? `byline: ${yamlString(a.byline)}` : null,
    a.publishedAt ? `published: ${a.publishedAt}` : null,
    `imported: ${a.importedAt}`,
    `language: ${a.language}`,
    `source_file: ${yamlString(a.fileName)}`,
    `dossier_id: ${a.id}`,
    a.citedOutlets.length ? `cited_outlets: [${a.citedOutlets.map(yamlString).join(', ')}]` : null,
    a.links.length ? `links: [${a.links.map(yamlString).join(', ')}]` : null,
    a.links.length ? `source: ${yamlString(a.links[0]!)}` : null,
    tags.length ? `tags: [${tags.map(yamlString).join(', ')}]` : null,
    '---',
  ].filter((l) => l !== null);
  const body = blocks(a).map((b) => (b.heading ? `## ${b.text}` : b.text));
  const sources = a.links.length ? ['', '## Sources', '', ...a.links.map((l) => `- <${l}>`)] : [];
  const notes = note ? ['', '## My notes', '', note.body.trim()] : [];
  const origin = ['', `Source: ${a.links[0] ? `<${a.links[0]}>` : `\`${a.fileName}\``}`];
  return [...front, '', `# ${a.title}`, ...origin, '', ...markdownHighlights(highlights), ...notes, '', '## Text', '',
    ...body.flatMap((b) => [b, '']), ...sources, ''].join('\n').replace(/\n{3,}/g, '\n\n');
}

/** All notes in one Markdown file: per article its title, source, tags, highlights and note (not the full text). */
export function notesDigestMarkdown(items: ExportItem[], exportedAt = new Date()): string {
  const parts = ['---', `title: "Dossier notes"`, `exported: ${exportedAt.toISOString()}`, '---', '', '# Dossier notes', ''];
  for (const { article: a, note, highlights = [], tags = [] } of items) {
    parts.push(`## ${a.title}`, '', [a.outlet, a.publishedAt?.slice(0, 10), a.links[0] ? `<${a.links[0]}>` : `\`${a.fileName}\``]
      .filter(Boolean).join(' · '));
    if (tags.length) parts.push('', tags.map((t) => `#${t}`).join(' '));
    parts.push(...markdownHighlights(highlights).map((l) => (l === '## Highlights' ? '### Highlights' : l)));
    if (note) parts.push('', '### My notes', '', note.body.trim());
    parts.push('');
  }
  return parts.join('\n').replace(/\n{3,}/g, '\n\n');
}

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// Notes are the user's Markdown; raw HTML inside them is shown as text, never interpreted.
const markdown = new Marked({ renderer: { html: ({ text }) => escapeHtml(text) } });

/** A note's Markdown as HTML; raw HTML in it is escaped (shown as text). */
export function noteHtml(body: string): string {
  return markdown.parse(body, { async: false }) as string;
}

/** The article's paragraphs with highlights as <mark>, and a list of detached ones at the end. */
function htmlHighlights(hs: Highlight[]): string {
  if (hs.length === 0) return '';
  const items = hs.map((h) => `<li class="hl-${h.color}"><blockquote>${escapeHtml(h.quote)}</blockquote>` +
    `${h.comment.trim() ? `<p>${escapeHtml(h.comment)}</p>` : ''}${h.detached ? '<p class="meta">(no longer found in the text)</p>' : ''}</li>`);
  return `<section class="highlights"><h2>Highlights</h2><ul>${items.join('')}</ul></section>`;
}

const ARTICLE_STYLE = `body{font:18px/1.6 Georgia,serif;max-width:40em;margin:2em auto;padding:0 1em;color:#1b1d21}
.meta{color:#555;font:14px system-ui,sans-serif}.highlights ul{list-style:none;padding:0}
.highlights li{border-left:4px solid #e8c547;padding-left:.8em;margin:1em 0}.highlights .hl-green{border-color:#5cb85c}
.highlights .hl-blue{border-color:#4a90d9}.highlights .hl-pink{border-color:#e46fa5}blockquote{margin:0;font-style:italic}.note{border-top:2px solid #c9a227;margin-top:2em}`;

/**
 * A self-contained export page: its own CSP (nothing loads, nothing runs; inline styles only), so a file opened
 * in any browser stays offline and inert.
 */
export function htmlPage(p: { lang: string; title: string; style: string; body: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(p.title)}</title>
<style>${p.style}</style>
</head>
<body>
${p.body}</body>
</html>
`;
}

export function toHtml({ article: a, note, highlights = [], tags = [] }: ExportItem): string {
  const meta = [a.outlet, a.byline, a.publishedAt?.slice(0, 10)].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
  const body = blocks(a).map((b) => (b.heading ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`)).join('\n');
  const links = a.links.length ? `<h2>Sources</h2><ul>${a.links.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '';
  const notes = note ? `<section class="note"><h2>My notes</h2>${markdown.parse(note.body, { async: false }) as string}</section>` : '';
  return htmlPage({ lang: a.language === 'und' ? 'en' : a.language, title: a.title, style: ARTICLE_STYLE, body: `<article>
<h1>${escapeHtml(a.title)}</h1>
<p class="meta">${meta}</p>
${tags.length ? `<p class="meta">${tags.map((t) => `#${escapeHtml(t)}`).join(' ')}</p>` : ''}
${htmlHighlights(highlights)}
${body}
${links}
</article>
${notes}
<p class="meta">Exported from Dossier · ${escapeHtml(a.fileName)} · #${a.id}</p>
` });
}

/** Everything, for tools and round trips; `notes` holds theme and briefing notes (issue 6), read back by import-export. */
export function toJson(items: ExportItem[], exportedAt = new Date(), notes: TargetNote[] = []): string {
  return JSON.stringify({ format: EXPORT_FORMAT_VERSION, exportedAt: exportedAt.toISOString(), items, notes }, null, 2);
}
