// Many distinct text articles made from the gnad (German) and bbc (English) corpora, for the import and scale benches.
import { readCorpus } from '../helpers.ts';

/**
 * Repeats the corpus as new articles: round r > 0 joins the first half of article i with the second half of
 * article i + r·7 (same language), under a numbered title. Shuffling paragraphs alone is not enough: near-duplicate
 * detection rightly treats a reshuffled article as the same article.
 */
export function textArticles(count: number): Array<{ name: string; text: string }> {
  const pools = [readCorpus('gnad'), readCorpus('bbc')];
  const out: Array<{ name: string; text: string }> = [];
  for (let i = 0; out.length < count; i++) {
    const pool = pools[i % 2]!;
    const k = Math.floor(i / 2);
    const a = pool[k % pool.length]!;
    const round = Math.floor(k / pool.length);
    const sentences = (t: string) => t.split(/(?<=[.!?])\s+/);
    const own = sentences(a.text);
    const title = a.title ?? own.shift()!;
    let body = own.join(' ');
    if (round > 0) {
      const b = pool[(k + round * 7) % pool.length]!;
      const other = sentences(b.text);
      body = `${own.slice(0, Math.ceil(own.length / 2)).join(' ')}\n\n${other.slice(Math.floor(other.length / 2)).join(' ')}`;
    }
    out.push({ name: `${a.id}-${round}.txt`, text: `${round > 0 ? `${title} (${round + 1})` : title}\n\n${body}` });
  }
  return out;
}
