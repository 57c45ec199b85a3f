// Renders articles with their notes for export: Markdown (Obsidian-friendly front matter), standalone HTML
// (escaped, scripts impossible under its own CSP) and JSON (everything, for tools and round trips).
import { Marked } from 'marked';
import type { Article, Note } from '../article.ts';

export type ExportFormat = 'markdown' | 'html' | 'json';
export const EXPORT_FORMAT_VERSION = 'dossier-export/1';

export interface ExportItem {
  article: Article;
  note: Note | null;
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

export function toMarkdown({ article: a, note }: ExportItem): string {
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
    '---',
  ].filter((l) => l !== null);
  const body = blocks(a).map((b) => (b.heading ? `## ${b.text}` : b.text));
  const sources = a.links.length ? ['', '## Sources', '', ...a.links.map((l) => `- <${l}>`)] : [];
  const notes = note ? ['', '## My notes', '', note.body.trim()] : [];
  return [...front, '', `# ${a.title}`, '', ...body.flatMap((b) => [b, '']), ...sources, ...notes, ''].join('\n').replace(/\n{3,}/g, '\n\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// Notes are the user's Markdown; raw HTML inside them is shown as text, never interpreted.
const markdown = new Marked({ renderer: { html: ({ text }) => escapeHtml(text) } });

export function toHtml({ article: a, note }: ExportItem): string {
  const meta = [a.outlet, a.byline, a.publishedAt?.slice(0, 10)].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
  const body = blocks(a).map((b) => (b.heading ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`)).join('\n');
  const links = a.links.length ? `<h2>Sources</h2><ul>${a.links.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '';
  const notes = note ? `<section class="note"><h2>My notes</h2>${markdown.parse(note.body, { async: false }) as string}</section>` : '';
  return `<!doctype html>
<html lang="${escapeHtml(a.language === 'und' ? 'en' : a.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(a.title)}</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:40em;margin:2em auto;padding:0 1em;color:#1b1d21}
.meta{color:#555;font:14px system-ui,sans-serif}.note{border-top:2px solid #c9a227;margin-top:2em}</style>
</head>
<body>
<article>
<h1>${escapeHtml(a.title)}</h1>
<p class="meta">${meta}</p>
${body}
${links}
</article>
${notes}
<p class="meta">Exported from Dossier · ${escapeHtml(a.fileName)} · #${a.id}</p>
</body>
</html>
`;
}

export function toJson(items: ExportItem[], exportedAt = new Date()): string {
  return JSON.stringify({ format: EXPORT_FORMAT_VERSION, exportedAt: exportedAt.toISOString(), items }, null, 2);
}
