// Cuts a snippet into plain and highlighted pieces by [start, end) offsets, so matches render as
// <mark> elements through text nodes only: snippet text is never parsed as HTML.
import type { Range } from '../../electron/api.ts';

export interface Piece {
  text: string;
  mark: boolean;
}

/** Ranges may come unsorted, overlapping or out of bounds; the pieces always cover `text` exactly once. */
export function splitHighlights(text: string, ranges: readonly Range[]): Piece[] {
  const clean = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const pieces: Piece[] = [];
  let at = 0;
  for (const [s, e] of clean) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    if (start > at) pieces.push({ text: text.slice(at, start), mark: false });
    pieces.push({ text: text.slice(start, e), mark: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}
