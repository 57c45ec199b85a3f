// Centroids: where an article goes when a library holds many stories that share common words, and big
// stories whose centroids are trimmed to their heaviest terms.
import { describe, expect, test } from 'vitest';
import { Centroids } from '../../../electron/themes/cluster.ts';
import type { SparseVector } from '../../../electron/themes/vectorize.ts';

/** A unit vector over the given term ids with the given raw weights, heaviest first (as vectorize makes them). */
function vec(terms: Array<[number, number]>): SparseVector {
  const sorted = [...terms].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const norm = Math.hypot(...sorted.map(([, w]) => w));
  return { ids: Int32Array.from(sorted, ([t]) => t), w: Float64Array.from(sorted, ([, w]) => w / norm) };
}

/** Cosine against a centroid's kept terms, the slow way. */
function cosine(cs: Centroids, c: number, v: SparseVector): number {
  let dot = 0;
  v.ids.forEach((t, k) => { dot += v.w[k]! * (cs.sums[c]!.get(t) ?? 0); });
  return dot / Math.sqrt(cs.norms2[c]!);
}

const COMMON = [1, 2, 3, 4, 5]; // words every story uses ("said", "year", …)

/** `stories` stories of 3 articles each: the common words, lightly weighted, plus two names of their own. */
function library(stories: number): Centroids {
  const cs = new Centroids();
  let doc = 0;
  for (let s = 0; s < stories; s++) {
    const c = cs.open();
    for (let a = 0; a < 3; a++) cs.add(c, doc++, vec([...COMMON.map((t): [number, number] => [t, 0.3]), [1000 + 2 * s, 1], [1001 + 2 * s, 1]]));
  }
  return cs;
}

describe('placing an article among many stories', () => {
  test('an article naming a story\'s people goes to that story, even when 200 stories share its common words', () => {
    const cs = library(200);
    for (const s of [0, 77, 199]) {
      const [c, sim] = cs.best(vec([...COMMON.map((t): [number, number] => [t, 0.3]), [1000 + 2 * s, 1], [1001 + 2 * s, 0.8]]));
      expect(c).toBe(s);
      expect(sim).toBeGreaterThan(0.9);
    }
  });

  test('the cosine it reports is the exact one, not the estimate it used to find candidates', () => {
    const cs = library(50);
    const v = vec([[1, 1], [2, 0.9], [1000, 0.2], [1002, 0.2], [1004, 0.1]]);
    const [c, sim] = cs.best(v);
    expect(sim).toBeCloseTo(cosine(cs, c, v), 12);
    const everyOther = Array.from({ length: cs.count }, (_, k) => cosine(cs, k, v));
    expect(sim).toBeCloseTo(Math.max(...everyOther), 12);
  });

  test('an article that shares nothing with any story finds none', () => {
    expect(library(20).best(vec([[5000, 1], [5001, 1]]))).toEqual([-1, 0]);
  });

  test('a member is weighed against its story without itself, and stays when no other story is closer', () => {
    const cs = library(100);
    const member = vec([...COMMON.map((t): [number, number] => [t, 0.3]), [1000 + 2 * 42, 1], [1001 + 2 * 42, 1]]);
    const [c, sim] = cs.best(member, 42);
    expect(c).toBe(42);
    // Its two fellow members are identical to it: without itself the story still matches it exactly.
    expect(sim).toBeCloseTo(1, 9);
    const lone = new Centroids();
    lone.add(lone.open(), 0, member);
    expect(lone.best(member, 0)).toEqual([-1, 0]); // alone in its story: nothing else to weigh it against
  });
});

describe('a big story', () => {
  test('keeps the words its articles share when its centroid is trimmed, and still attracts the next report', () => {
    const cs = new Centroids();
    const c = cs.open();
    const core: Array<[number, number]> = [[10, 1], [11, 1], [12, 0.9]]; // the story's names, in every report
    for (let a = 0; a < 300; a++) {
      // Every report also brings words of its own that no other uses.
      cs.add(c, a, vec([...core, ...Array.from({ length: 6 }, (_, k): [number, number] => [100_000 + a * 6 + k, 0.4])]));
    }
    expect(cs.sums[c]!.size).toBeLessThanOrEqual(400);
    expect([...cs.sums[c]!.keys()]).toEqual(expect.arrayContaining([10, 11, 12]));
    const other = cs.open();
    cs.add(other, 300, vec([[10, 0.2], [50, 1], [51, 1]]));
    const [best, sim] = cs.best(vec([...core, [999_999, 0.4]]));
    expect(best).toBe(c);
    expect(sim).toBeGreaterThan(0.8);
  });
});
