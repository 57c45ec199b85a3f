// Splits a paragraph into plain and highlighted pieces, and maps a DOM selection back to text offsets.
// The reader renders paragraphs as exact slices of the article text, so offsets carry over one to one.
import type { Highlight } from '../../electron/api.ts';

export interface Segment { text: string; highlight: Highlight | null }

/** The pieces of the paragraph [start, start + text.length); overlapping highlights are clipped, first one wins. */
export function segmentsOf(text: string, start: number, highlights: readonly Highlight[]): Segment[] {
  const end = start + text.length;
  const inside = highlights.filter((h) => !h.detached && h.start < end && h.end > start).sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = start;
  for (const h of inside) {
    const s = Math.max(h.start, at), e = Math.min(h.end, end);
    if (e <= s) continue;
    if (s > at) out.push({ text: text.slice(at - start, s - start), highlight: null });
    out.push({ text: text.slice(s - start, e - start), highlight: h });
    at = e;
  }
  if (at < end) out.push({ text: text.slice(at - start), highlight: null });
  return out;
}

function offsetIn(node: Node, offset: number): number | null {
  const el = (node.nodeType === Node.ELEMENT_NODE ? node as Element : node.parentElement)?.closest<HTMLElement>('[data-start]');
  if (!el) return null;
  const r = document.createRange();
  r.setStart(el, 0);
  r.setEnd(node, offset);
  return Number(el.dataset.start) + r.toString().length;
}

/** The current selection as [start, end) offsets into the article text, or null if it is not inside `root`. */
export function selectionOffsets(root: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetIn(range.startContainer, range.startOffset);
  const end = offsetIn(range.endContainer, range.endOffset);
  return start !== null && end !== null && end > start ? { start, end } : null;
}
