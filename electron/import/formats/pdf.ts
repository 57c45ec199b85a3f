// PDF: text per page in reading order with pdfjs-dist (loaded lazily, no font faces, no eval, nothing
// fetched). pdfjs hands out text runs without separators, so words, lines and paragraphs are rebuilt
// from positions and font sizes; larger type becomes headings. A PDF without a text layer is reported
// as scanned, never imported empty.
import type { ArticleDraft } from '../../article.ts';
import { buildDraft } from '../draft.ts';
import { fail } from '../failures.ts';
import { cleanInline } from '../normalize.ts';
import type { Block } from '../structure.ts';

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  eol: boolean;
}

interface Line {
  text: string;
  y: number;
  size: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/** pdfjs is large; text imports never pay for loading it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * Loads pdf.js and its (in-thread) worker module before a PDF's parse clock starts: the first PDF of an import
 * must not run into the per-file time limit just because loading the reader is slow on a busy machine.
 */
export async function preparePdfReader(): Promise<void> {
  await loadPdfJs();
  const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  await import(workerModule);
}

function runsOf(items: unknown[]): Run[] {
  const runs: Run[] = [];
  for (const it of items) {
    const item = it as { str?: string; transform?: number[]; width?: number; height?: number; hasEOL?: boolean };
    if (typeof item.str !== 'string' || !item.transform) continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
    const size = Math.hypot(a, b) || item.height || 0;
    runs.push({ str: item.str, x, y, width: item.width ?? 0, size, eol: item.hasEOL === true });
  }
  return runs;
}

/** Glues runs into lines: a new line starts after an end-of-line mark or when the baseline moves. */
function linesOf(runs: Run[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  let prev: Run | null = null;
  for (const r of runs) {
    const newLine = !cur || prev!.eol || Math.abs(r.y - cur.y) > Math.max(2, r.size * 0.5);
    if (newLine) {
      if (cur && cur.text.trim()) lines.push(cur);
      cur = { text: r.str, y: r.y, size: r.size };
    } else {
      // A visible gap between two runs on one line is a space pdfjs did not emit.
      const gap = r.x - (prev!.x + prev!.width);
      const needsSpace = gap > r.size * 0.15 && !/\s$/.test(cur!.text) && !/^\s/.test(r.str);
      cur!.text += (needsSpace ? ' ' : '') + r.str;
      if (r.str.trim()) cur!.size = Math.max(cur!.size, r.size);
    }
    if (r.str.trim() || !cur!.text.trim()) prev = r;
    else prev = { ...r, eol: r.eol || prev!.eol };
  }
  if (cur && cur.text.trim()) lines.push(cur);
  return lines.map((l) => ({ ...l, text: cleanInline(l.text) })).filter((l) => l.text.length > 0);
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:seite|page|s\.)\s*)?\d{1,4}(?:\s*(?:\/|von|of)\s*\d{1,4})?(?:\s*[-–—])?$/i;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * q)] ?? 0;
}

/** Joins a line onto a paragraph, undoing end-of-line hyphenation ("Bundes-" + "regierung"). */
function joinLine(para: string, line: string): string {
  if (!para) return line;
  if (/\p{Ll}-$/u.test(para) && /^\p{Ll}/u.test(line) && !/^(?:und|oder|bis|and|or|to)\b/.test(line)) return para.slice(0, -1) + line;
  return `${para} ${line}`;
}

/** Lines -> paragraphs and headings: bigger type is a heading, a wider gap than usual starts a paragraph. */
function pageBlocks(lines: Line[], bodySize: number): Block[] {
  const blocks: Block[] = [];
  // Usual line spacing: the tighter gaps between consecutive body-size lines (paragraph gaps are the wider ones).
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1]!;
    const line = lines[i]!;
    const gap = above.y - line.y;
    const body = Math.abs(above.size - bodySize) < 0.5 && Math.abs(line.size - bodySize) < 0.5;
    if (body && gap > 0 && gap < bodySize * 3) gaps.push(gap);
  }
  const lineGap = quantile(gaps, 0.25) || bodySize * 1.2;
  let cur: Block | null = null;
  let prev: Line | null = null;
  for (const line of lines) {
    if (PAGE_NUMBER.test(line.text)) continue;
    const heading = line.size > bodySize * 1.15;
    const gap = prev ? prev.y - line.y : 0;
    const sameKind = cur && (cur.kind === 'h') === heading && Math.abs(line.size - prev!.size) < 0.5;
    // Line spacing grows with the type size, so a heading's own lines are not mistaken for paragraph gaps.
    const usualGap = lineGap * Math.max(1, line.size / bodySize);
    const breakHere = !cur || !sameKind || gap > usualGap * 1.4 || gap < 0;
    if (breakHere) {
      if (cur) blocks.push(cur);
      cur = heading ? { kind: 'h', level: line.size > bodySize * 1.6 ? 1 : 2, text: line.text } : { kind: 'p', level: 0, text: line.text };
    } else {
      cur!.text = joinLine(cur!.text, line.text);
    }
    prev = line;
  }
  if (cur) blocks.push(cur);
  return blocks;
}

/** A paragraph cut by a page break continues on the next page when it does not end a sentence. */
function joinPages(pages: Block[][]): Block[] {
  const out: Block[] = [];
  for (const page of pages) {
    const last = out[out.length - 1];
    const first = page[0];
    if (last?.kind === 'p' && first?.kind === 'p' && !/[.!?:"“”»)]$/.test(last.text) && /^[\p{Ll}\d]/u.test(first.text)) {
      last.text = joinLine(last.text, first.text);
      out.push(...page.slice(1));
    } else {
      out.push(...page);
    }
  }
  return out;
}

/** Parses a PDF. Throws import/corrupt, import/unsupported (password) or import/scanned-pdf. */
export async function parsePdf(bytes: Uint8Array, fileName: string): Promise<ArticleDraft> {
  const lib = await loadPdfJs();
  // pdfjs takes ownership of (detaches) the buffer it is given, and refuses Node Buffers: hand it a plain copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0,
    stopAtErrors: false, disableAutoFetch: true, disableStream: true,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw fail.unsupported(fileName, 'a password-protected PDF');
    throw fail.corrupt(fileName, 'a PDF', (e as Error).message);
  }
  try {
    const pageLines: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        pageLines.push(linesOf(runsOf((await page.getTextContent()).items)));
        page.cleanup();
      } catch {
        // One unreadable page does not spoil the others.
        pageLines.push([]);
      }
    }
    const all = pageLines.flat();
    if (all.reduce((n, l) => n + l.text.length, 0) < 20) throw fail.scannedPdf(fileName);
    // Body size: the size most characters are set in.
    const weight = new Map<number, number>();
    for (const l of all) weight.set(Math.round(l.size), (weight.get(Math.round(l.size)) ?? 0) + l.text.length);
    const bodySize = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const blocks = joinPages(pageLines.map((lines) => pageBlocks(lines, bodySize)));
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as { Title?: string; Author?: string; Language?: string };
    const docTitle = info.Title && !/^(?:untitled|unbenannt|microsoft word - |document\d*$)/i.test(info.Title) ? info.Title : null;
    return buildDraft({
      fileName, format: 'pdf', blocks, declaredLanguage: info.Language ?? null,
      titleFromHeading: 2, readHeader: true, what: 'PDF',
      fallback: { title: docTitle, byline: info.Author ?? null, publishedAt: null },
    });
  } finally {
    await doc.destroy();
  }
}
