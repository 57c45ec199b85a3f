// Hostile inputs for the importers, one generator per family: mutated real files from ../shared/corpora
// (bit flips, truncation, splicing, wrong extension) and hand-made attacks (random bytes, huge lines, deeply
// nested HTML, zip bombs, broken MIME, entity expansion, broken PDF xref). Deterministic for a given seed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';

export interface FuzzCase { family: string; name: string; bytes: Uint8Array }
export type Rng = () => number;

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const enc = (s: string) => new TextEncoder().encode(s);

/** Real files to mutate, by extension, from the corpora folder (empty without ../shared). */
export function corpusSamples(corporaDir: string): Array<{ name: string; bytes: Uint8Array }> {
  if (!existsSync(corporaDir)) return [];
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  const add = (path: string, name: string) => out.push({ name, bytes: new Uint8Array(readFileSync(path)) });
  for (const sub of ['eml', 'encodings', 'feeds', 'office']) {
    for (const f of readdirSync(join(corporaDir, sub))) add(join(corporaDir, sub, f), f);
  }
  for (const p of readdirSync(join(corporaDir, 'html-pages'))) add(join(corporaDir, 'html-pages', p, 'source.html'), `${p}.html`);
  add(join(corporaDir, 'seed/000_e4f8963eb54722b6.txt'), 'seed.txt');
  return out;
}

const EXTENSIONS = ['.txt', '.md', '.html', '.pdf', '.docx', '.odt', '.eml', '.mbox', '.rss', '.atom', '.json', '.zip', '.xml', '.bin', ''];
const stem = (name: string) => name.replace(/\.[^.]*$/, '');
const ext = (name: string) => /\.[^.]*$/.exec(name)?.[0] ?? '';

function flipBits(r: Rng, b: Uint8Array): Uint8Array {
  const out = b.slice();
  const flips = 1 + int(r, 64);
  for (let i = 0; i < flips && out.length > 0; i++) out[int(r, out.length)]! ^= 1 << int(r, 8);
  return out;
}

/** Mutations of a real file: the format stays recognisable, the content is damaged. */
export function mutated(r: Rng, samples: Array<{ name: string; bytes: Uint8Array }>): FuzzCase {
  const s = pick(r, samples);
  const kind = int(r, 5);
  if (kind === 0) return { family: 'bit-flips', name: s.name, bytes: flipBits(r, s.bytes) };
  if (kind === 1) return { family: 'truncated', name: s.name, bytes: s.bytes.slice(0, int(r, s.bytes.length)) };
  if (kind === 2) {
    // Splice: the head of one file with the tail of another (a half-overwritten file).
    const o = pick(r, samples);
    const a = s.bytes.subarray(0, int(r, s.bytes.length));
    const b = o.bytes.subarray(int(r, o.bytes.length));
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return { family: 'spliced', name: s.name, bytes: out };
  }
  if (kind === 3) return { family: 'wrong-extension', name: stem(s.name) + pick(r, EXTENSIONS.filter((e) => e !== ext(s.name))), bytes: s.bytes };
  // Overwrite a block in the middle with junk (a bad disk sector).
  const out = s.bytes.slice();
  const at = int(r, out.length);
  for (let i = at; i < Math.min(out.length, at + 512); i++) out[i] = int(r, 256);
  return { family: 'bad-sector', name: s.name, bytes: out };
}

export function randomBytes(r: Rng): FuzzCase {
  const n = pick(r, [1, 7, 100, 4096, 70_000]);
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = int(r, 256);
  // Random bytes behind a real magic number get past sniffing and into the parser.
  const magic = pick(r, ['', '%PDF-1.7\n', 'PK\x03\x04', '<html>', '<?xml version="1.0"?><rss>', 'From: a@b.c\r\n', '\xef\xbb\xbf', '\xff\xfe']);
  const m = Uint8Array.from(magic, (c) => c.charCodeAt(0));
  const out = new Uint8Array(m.length + n);
  out.set(m);
  out.set(bytes, m.length);
  return { family: 'random-bytes', name: `random${pick(r, EXTENSIONS)}`, bytes: out };
}

export function hugeLine(r: Rng): FuzzCase {
  const mb = 2 + int(r, 6);
  const unit = pick(r, ['a', 'Wort ', 'ä', '<b>', '&amp;', '=\r\n', ' ']);
  const body = unit.repeat(Math.ceil((mb * 1024 * 1024) / unit.length));
  const wrap = pick(r, [(s: string) => s, (s: string) => `Titel\n\n${s}`, (s: string) => `<html><body><p>${s}</p></body></html>`,
    (s: string) => `# Titel\n\n${s}`]);
  return { family: 'huge-line', name: `huge-line${pick(r, ['.txt', '.md', '.html'])}`, bytes: enc(wrap(body)) };
}

export function nestedHtml(r: Rng): FuzzCase {
  const depth = pick(r, [1000, 20_000, 100_000]);
  const tag = pick(r, ['div', 'b', 'table', 'ul><li', 'blockquote']);
  const close = tag.split('><').reverse().map((t) => `</${t}>`).join('');
  const html = `<!doctype html><html><head><title>Tief</title></head><body>${`<${tag}>`.repeat(depth)}`
    + `Ein Absatz mit genug Text für einen Artikel über die Tiefe verschachtelter Seiten. `.repeat(5)
    + (r() < 0.5 ? close.repeat(depth) : '') + '</body></html>';
  return { family: 'nested-html', name: `nested-${depth}.html`, bytes: enc(html) };
}

/** A deflate stream of `n` zero bytes, built once per size (it is cheap to inflate-check, costly to build). */
const zeroCache = new Map<number, Uint8Array>();
function zeros(n: number): Uint8Array {
  if (!zeroCache.has(n)) zeroCache.set(n, zipSync({ 'zeros.txt': [new Uint8Array(n), { level: 9 }] }));
  return zeroCache.get(n)!;
}

/** Rewrites the declared uncompressed size of every entry (local and central headers): a lying archive. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50) dv.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) dv.setUint32(i + 24, size, true);
  }
  return out;
}

/** 0: 64 MB of zeros in one entry (high ratio), 1: sizes that lie, 2: nested archives (42.zip in small), 3: 20,000 entries. */
export function zipBomb(r: Rng, kind = int(r, 4)): FuzzCase {
  if (kind === 0) return { family: 'zip-bomb', name: 'ratio.zip', bytes: zeros(64 * 1024 * 1024) };
  if (kind === 1) return { family: 'zip-bomb', name: 'liar.zip', bytes: lieAboutSizes(zeros(32 * 1024 * 1024), 1000) };
  if (kind === 2) {
    // 42.zip in small: each level holds several copies of the level below.
    let level = zeros(16 * 1024 * 1024);
    for (let d = 0; d < 4; d++) {
      const files: Record<string, Uint8Array> = {};
      for (let k = 0; k < 8; k++) files[`l${d}-${k}.zip`] = level;
      level = zipSync(files, { level: 0 });
    }
    return { family: 'zip-bomb', name: 'nested.zip', bytes: level };
  }
  const files: Record<string, Uint8Array> = {};
  const n = 20_000; // over the 10,000-entry limit
  for (let k = 0; k < n; k++) files[`f${k}.txt`] = enc('x');
  return { family: 'zip-bomb', name: 'many-entries.zip', bytes: zipSync(files, { level: 0 }) };
}

export function brokenMail(r: Rng): FuzzCase {
  const kind = int(r, 5);
  const head = 'From: Redaktion <news@example.org>\r\nTo: leser@example.org\r\nSubject: =?utf-8?B?TmV1ZXMgYXVzIEJlcmxpbg==?=\r\nDate: Tue, 3 Nov 2026 08:00:00 +0100\r\nMIME-Version: 1.0\r\n';
  const text = 'Die Stadt plant neue Radwege entlang der Spree und diskutiert die Kosten mit den Bezirken.\r\n';
  let mail: string;
  if (kind === 0) mail = `${head}Content-Type: multipart/alternative\r\n\r\n--\r\n${text}`; // no boundary parameter
  else if (kind === 1) mail = `${head}Content-Type: multipart/mixed; boundary="XYZ"\r\n\r\n--XYZ\r\nContent-Type: text/plain\r\n\r\n${text}`; // never closed
  else if (kind === 2) mail = `${head}Content-Type: text/plain; charset="${pick(r, ['x-unknown-9', 'utf-99', '', '"', 'iso-8859-1; charset=koi8'])}"\r\nContent-Transfer-Encoding: ${pick(r, ['quoted-printable', 'base64', 'x-uuencode', '8bit'])}\r\n\r\n${text}=ZZ=\r\n`;
  else if (kind === 3) mail = `${head}${'X-Tracking: abcdefghijklmnopqrstuvwxyz0123456789\r\n'.repeat(pick(r, [10_000, 100_000]))}\r\n${text}`; // endless headers
  else mail = `${head}Content-Type: multipart/mixed; boundary="b0"\r\n\r\n${Array.from({ length: 200 }, (_, d) => `--b${d}\r\nContent-Type: multipart/mixed; boundary="b${d + 1}"\r\n\r\n`).join('')}--b200\r\nContent-Type: text/plain\r\n\r\n${text}`; // deep nesting
  return { family: 'broken-mime', name: pick(r, ['newsletter.eml', 'archiv.mbox']), bytes: enc(kind === 3 || r() < 0.5 ? mail : `From news@example.org Tue Nov  3 08:00:00 2026\n${mail}`) };
}

export function entityFeed(r: Rng): FuzzCase {
  const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
  const kind = int(r, 3);
  const dtd = kind === 0 ? `<!DOCTYPE rss [${laughs}]>`
    : kind === 1 ? `<!DOCTYPE rss [<!ENTITY big "${'A'.repeat(100_000)}">]>`
      : '<!DOCTYPE rss [<!ENTITY ext SYSTEM "file:///etc/passwd">]>';
  const ref = kind === 0 ? '&lol9;' : kind === 1 ? '&big;&big;&big;&big;&big;&big;&big;&big;' : '&ext;';
  const xml = `<?xml version="1.0"?>${dtd}<rss version="2.0"><channel><title>Feed</title><item><title>Eintrag ${ref}</title>`
    + `<description>Ein Text über den Haushalt der Stadt und die Debatte im Rat. ${ref}</description></item></channel></rss>`;
  return { family: 'entity-expansion', name: pick(r, ['laughs.rss', 'laughs.xml', 'laughs.atom']), bytes: enc(xml) };
}

/** A PDF whose xref table or startxref offset is wrong, or whose objects are cut. */
export function brokenPdf(r: Rng, samples: Array<{ name: string; bytes: Uint8Array }>): FuzzCase {
  const pdfs = samples.filter((s) => s.name.endsWith('.pdf'));
  const base = pdfs.length > 0 ? pick(r, pdfs).bytes
    : enc('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n');
  const text = Buffer.from(base).toString('latin1');
  const kind = int(r, 3);
  let out: string;
  if (kind === 0) out = text.replace(/startxref\s+\d+/g, `startxref\n${int(r, 10_000_000)}`);
  else if (kind === 1) out = text.replace(/(\d{10}) (\d{5}) n/g, () => `${String(int(r, 1e10)).padStart(10, '0')} 00000 n`);
  else out = text.replace(/xref[\s\S]*?trailer/, 'xref\n0 999999\ntrailer').replace(/\/Length \d+/g, '/Length 99999999');
  return { family: 'broken-pdf-xref', name: 'bericht.pdf', bytes: Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff) };
}

/** A Word package with flipped bits or cut short. */
export function brokenDocx(r: Rng): FuzzCase {
  const xml = `<w:document xmlns:w="x"><w:body>${'<w:p><w:r><w:t>Absatz</w:t></w:r></w:p>'.repeat(int(r, 50))}</w:body></w:document>`;
  const zip = zipSync({ '[Content_Types].xml': enc('<Types/>'), 'word/document.xml': enc(xml) });
  return { family: 'broken-docx', name: 'bericht.docx', bytes: r() < 0.5 ? flipBits(r, zip) : zip.slice(0, int(r, zip.length)) };
}

const FAMILIES = ['mutated', 'random', 'huge-line', 'nested-html', 'zip-bomb', 'broken-mime', 'entity', 'pdf', 'docx'] as const;
export type Family = (typeof FAMILIES)[number];

/** One case of a family; `mutated` needs corpus samples (falls back to random bytes without them). */
export function makeCase(family: Family, r: Rng, samples: Array<{ name: string; bytes: Uint8Array }>): FuzzCase {
  switch (family) {
    case 'mutated': return samples.length > 0 ? mutated(r, samples) : randomBytes(r);
    case 'random': return randomBytes(r);
    case 'huge-line': return hugeLine(r);
    case 'nested-html': return nestedHtml(r);
    case 'zip-bomb': return zipBomb(r);
    case 'broken-mime': return brokenMail(r);
    case 'entity': return entityFeed(r);
    case 'pdf': return brokenPdf(r, samples);
    case 'docx': return brokenDocx(r);
  }
}

/** A mix weighted toward mutated real files, which find the most. */
export function anyCase(r: Rng, samples: Array<{ name: string; bytes: Uint8Array }>): FuzzCase {
  const f: Family = r() < 0.55 ? 'mutated' : pick(r, FAMILIES);
  return makeCase(f, r, samples);
}
export { FAMILIES };
