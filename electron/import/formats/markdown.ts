// Markdown: `# ` heading = title, `##`.. = sections, markup stripped (emphasis, links, code, tables, HTML).
// YAML front matter (title, author, date) is read as metadata.
import { marked, type Token, type Tokens } from 'marked';
import type { ArticleDraft } from '../../article.ts';
import { toIsoDate } from '../dates.ts';
import { buildDraft } from '../draft.ts';
import { decodeEntities } from '../entities.ts';
import { fail } from '../failures.ts';
import type { Block } from '../structure.ts';

interface FrontMatter {
  title?: string;
  author?: string;
  date?: string;
  outlet?: string;
  lang?: string;
}

function frontMatter(src: string): { meta: FrontMatter; body: string } {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
  if (!m) return { meta: {}, body: src };
  const meta: FrontMatter = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^(\w+)\s*:\s*["']?(.*?)["']?\s*$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!.toLowerCase();
    const value = kv[2]!;
    if (key === 'title') meta.title = value;
    else if (key === 'author' || key === 'byline') meta.author = value;
    else if (key === 'date' || key === 'published') meta.date = value;
    else if (key === 'outlet' || key === 'source' || key === 'site') meta.outlet = value;
    else if (key === 'lang' || key === 'language') meta.lang = value;
  }
  return { meta, body: src.slice(m[0].length) };
}

function inline(tokens: Token[] | undefined): string {
  let out = '';
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'text': out += 'tokens' in t && t.tokens ? inline(t.tokens) : decodeEntities(t.text); break;
      case 'escape': case 'codespan': out += t.text; break;
      case 'br': out += ' '; break;
      case 'html': out += /^<br\s*\/?>$/i.test(t.text) ? ' ' : ''; break;
      case 'image': break;
      default: out += 'tokens' in t && t.tokens ? inline(t.tokens) : ''; break;
    }
  }
  return out;
}

function blocksOf(tokens: Token[], out: Block[]): Block[] {
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': out.push({ kind: 'h', level: (t as Tokens.Heading).depth, text: inline(t.tokens) }); break;
      case 'paragraph': out.push({ kind: 'p', level: 0, text: inline(t.tokens) }); break;
      case 'text': out.push({ kind: 'p', level: 0, text: 'tokens' in t && t.tokens ? inline(t.tokens) : t.text }); break;
      case 'code': out.push({ kind: 'p', level: 0, text: t.text }); break;
      case 'blockquote': blocksOf((t as Tokens.Blockquote).tokens, out); break;
      case 'list':
        for (const item of (t as Tokens.List).items) blocksOf(item.tokens, out);
        break;
      case 'table': {
        const table = t as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          out.push({ kind: 'p', level: 0, text: row.map((c) => inline(c.tokens)).join(' | ') });
        }
        break;
      }
      case 'html': {
        const text = decodeEntities(t.text.replace(/<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, ' '));
        out.push({ kind: 'p', level: 0, text });
        break;
      }
      default: break;
    }
  }
  return out;
}

export function parseMarkdown(src: string, fileName: string): ArticleDraft {
  const { meta, body } = frontMatter(src.replace(/\r\n?/g, '\n'));
  const blocks = blocksOf(marked.lexer(body), []);
  if (blocks.length === 0) throw fail.noText(fileName);
  return buildDraft({
    fileName, format: 'markdown', blocks,
    title: meta.title, byline: meta.author, outlet: meta.outlet, publishedAt: toIsoDate(meta.date), declaredLanguage: meta.lang,
    titleFromHeading: 1, readHeader: true,
  });
}
