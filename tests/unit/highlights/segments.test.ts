// How the reader cuts a paragraph into plain and highlighted pieces: every character shown exactly once.
import { describe, expect, test } from 'vitest';
import { segmentsOf } from '../../../renderer/lib/highlight-segments.ts';
import type { Highlight } from '../../../electron/api.ts';

const hl = (id: number, start: number, end: number, detached = false): Highlight => ({
  id, articleId: 1, color: 'yellow', comment: '', quote: '', prefix: '', suffix: '', start, end, detached, createdAt: '', updatedAt: '',
});
const para = 'Moskau droht mit Vergeltung.';
const START = 100; // the paragraph's offset in the article text
const shown = (hs: Highlight[]) => segmentsOf(para, START, hs).map((s) => (s.highlight ? `[${s.text}]` : s.text)).join('');

describe('paragraph segments', () => {
  test.each([
    ['no highlights', [], para],
    ['one word', [hl(1, 100, 106)], '[Moskau] droht mit Vergeltung.'],
    ['a highlight starting in the previous paragraph', [hl(1, 90, 106)], '[Moskau] droht mit Vergeltung.'],
    ['a highlight running into the next paragraph', [hl(1, 117, 140)], 'Moskau droht mit [Vergeltung.]'],
    ['two highlights', [hl(1, 107, 112), hl(2, 100, 106)], '[Moskau] [droht] mit Vergeltung.'],
    ['overlapping highlights are clipped, text never doubled', [hl(1, 100, 112), hl(2, 107, 116)], '[Moskau droht][ mit] Vergeltung.'],
    ['a detached highlight is not drawn', [hl(1, 100, 106, true)], para],
    ['a highlight in another paragraph is not drawn', [hl(1, 10, 20)], para],
  ])('%s', (_n, hs, expected) => {
    expect(shown(hs)).toBe(expected);
    expect(segmentsOf(para, START, hs).map((s) => s.text).join('')).toBe(para);
  });
});
