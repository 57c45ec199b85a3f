// Builds small binary test documents in memory (DOCX, ODT, PDF with and without a text layer, ZIP),
// so the import tests need no office suite. The checked-in .odt/.docx/.zip fixtures were made with these.
import { zipSync, strToU8, type Zippable } from 'fflate';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface DocParagraph { style?: 'Title' | 'Heading1' | 'Heading2'; text: string }

/** A minimal Word document: paragraphs with optional heading styles, and core properties. */
export function buildDocx(paragraphs: DocParagraph[], core: { title?: string; creator?: string } = {}): Uint8Array {
  const body = paragraphs.map((p) => `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${xmlEscape(p.text)}</w:t></w:r></w:p>`).join('');
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    'word/styles.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>'),
    'docProps/core.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${core.title ? `<dc:title>${xmlEscape(core.title)}</dc:title>` : ''}${core.creator ? `<dc:creator>${xmlEscape(core.creator)}</dc:creator>` : ''}</cp:coreProperties>`),
  };
  return zipSync(files);
}

/** A minimal OpenDocument text: text:h headings (outline level) and text:p paragraphs, plus meta.xml. */
export function buildOdt(blocks: Array<{ level?: number; text: string }>, meta: { title?: string; creator?: string } = {}): Uint8Array {
  const body = blocks.map((b) => (b.level ? `<text:h text:outline-level="${b.level}">${xmlEscape(b.text)}</text:h>` : `<text:p text:style-name="Text_20_body">${xmlEscape(b.text)}</text:p>`)).join('');
  return zipSync({
    // The mimetype entry must come first and stay uncompressed.
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`),
    'meta.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>${meta.title ? `<dc:title>${xmlEscape(meta.title)}</dc:title>` : ''}${meta.creator ? `<dc:creator>${xmlEscape(meta.creator)}</dc:creator>` : ''}</office:meta></office:document-meta>`),
  });
}

/** Assembles PDF objects with a correct cross-reference table. */
function pdfFile(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

const pdfString = (s: string) => `(${s.replace(/[\\()]/g, '\\$&')})`;

/**
 * A one-page PDF with real text (Helvetica, WinAnsi, so umlauts work): a 20pt title line and 11pt body
 * lines, one text-show per line, the way simple PDF writers do it.
 */
export function buildTextPdf(title: string, lines: string[]): Uint8Array {
  const latin1 = (s: string) => Array.from(s, (c) => (c.charCodeAt(0) < 256 ? c : '?')).join('');
  let y = 780;
  let content = `BT /F1 20 Tf 56 ${y} Td ${pdfString(latin1(title))} Tj ET\n`;
  y -= 34;
  for (const line of lines) {
    if (line === '') {
      y -= 10;
      continue;
    }
    content += `BT /F1 11 Tf 56 ${y} Td ${pdfString(latin1(line))} Tj ET\n`;
    y -= 14;
  }
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ]);
}

/** A one-page PDF that only paints an image: what a scanner produces, with no text layer. */
export function buildScannedPdf(): Uint8Array {
  const pixels = 'ff00ff00ff00ff00'.repeat(8);
  const content = 'q 500 0 0 700 50 70 cm /Im1 Do Q\n';
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${pixels.length + 1} >>\nstream\n${pixels}>\nendstream`,
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ]);
}

/** A ZIP of named files (strings are stored as UTF-8). */
export function buildZip(files: Record<string, string | Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(z);
}
