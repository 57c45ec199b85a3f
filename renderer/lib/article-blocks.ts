// Lays out an article's plain text for reading: paragraphs split on blank lines, section headings
// placed at their offsets (whether or not the heading text is also part of `text`).
import type { Section } from '../../electron/api.ts';

export type Block =
  | { kind: 'heading'; text: string; id: string }
  /** `start`: offset of the paragraph in the article text (highlights are placed by text offsets). */
  | { kind: 'paragraph'; text: string; start: number };

export function toBlocks(text: string, sections: readonly Section[]): Block[] {
  const paragraphs: Array<{ text: string; start: number }> = [];
  const re = /\n\s*\n/g;
  let at = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    const chunk = text.slice(at, end);
    const trimmed = chunk.trim();
    if (trimmed) paragraphs.push({ text: trimmed, start: at + chunk.indexOf(trimmed) });
    if (!m) break;
    at = m.index + m[0].length;
  }

  const pending = [...sections].sort((a, b) => a.start - b.start);
  const blocks: Block[] = [];
  let n = 0;
  const heading = (s: Section): Block => ({ kind: 'heading', text: s.heading.trim(), id: `section-${++n}` });
  for (const p of paragraphs) {
    // Headings that start at or before this paragraph go first; one repeating the paragraph replaces it.
    let replaced = false;
    while (pending.length > 0 && pending[0]!.start <= p.start + 1) {
      const s = pending.shift()!;
      blocks.push(heading(s));
      if (s.heading.trim() === p.text) replaced = true;
    }
    if (!replaced) blocks.push({ kind: 'paragraph', text: p.text, start: p.start });
  }
  for (const s of pending) blocks.push(heading(s));
  return blocks;
}

/** A paragraph cut around the part of [start, end) (offsets into the article text) that falls inside it. */
export function markPassage(block: { text: string; start: number }, passage: readonly [number, number] | undefined):
  { before: string; marked: string; after: string } | null {
  if (!passage) return null;
  const from = Math.max(passage[0] - block.start, 0);
  const to = Math.min(passage[1] - block.start, block.text.length);
  if (to <= from) return null;
  return { before: block.text.slice(0, from), marked: block.text.slice(from, to), after: block.text.slice(to) };
}
