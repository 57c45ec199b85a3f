// Turns the labelled gnad and bbc corpora into ThemeInput articles for the themes bench and tests:
// gnad's first sentence is its headline; dates are spread deterministically over 30 days (the corpora have none).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ThemeInput } from '../../electron/themes/index.ts';
import { sentenceSpans } from '../../electron/themes/index.ts';

export interface LabelledArticle extends ThemeInput { label: string }

const DAY = 86_400_000;
const BASE = Date.parse('2026-10-01T06:00:00Z');

function spread(i: number): string {
  // A fixed-step walk over 30 days keeps neighbours in the file apart in time.
  return new Date(BASE + ((i * 7919) % (30 * 24)) * (DAY / 24)).toISOString();
}

export function readLabelled(corporaDir: string, name: 'gnad' | 'bbc', limit = Infinity, firstId = 1): LabelledArticle[] {
  const lines = readFileSync(join(corporaDir, name, 'articles.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, limit);
  return lines.map((l, i) => {
    const r = JSON.parse(l) as { label: string; title?: string; text: string };
    let title = r.title ?? '';
    let text = r.text;
    if (!title) {
      const first = sentenceSpans(text)[0];
      title = first ? text.slice(first[0], first[1]) : text.slice(0, 80);
      text = text.slice(first?.[1] ?? 0).trim();
    }
    const at = spread(firstId + i);
    return { id: firstId + i, title, text, language: name === 'gnad' ? 'de' : 'en',
      outlet: name === 'gnad' ? 'Der Standard' : 'BBC', publishedAt: at, importedAt: at, label: `${name}:${r.label}` };
  });
}

/** Every other article of each corpus until `n`: a mixed German/English set with both label sets. */
export function mixed(corporaDir: string, n: number): LabelledArticle[] {
  const gnad = readLabelled(corporaDir, 'gnad', Infinity, 1);
  const bbc = readLabelled(corporaDir, 'bbc', Infinity, 100_001);
  const out: LabelledArticle[] = [];
  for (let i = 0; out.length < n && (i < gnad.length || i < bbc.length); i++) {
    if (i < gnad.length) out.push(gnad[i]!);
    if (i < bbc.length && out.length < n) out.push(bbc[(i * 7) % bbc.length]!);
  }
  return out;
}
