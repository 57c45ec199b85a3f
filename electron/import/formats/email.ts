// E-mail newsletters (.eml, and each message of an .mbox): one article per message. Subject = title,
// sender = outlet, Date header = published date; the HTML part is preferred and cleaned of tracking
// pixels and unsubscribe footers. postal-mime decodes charsets, quoted-printable, base64 and RFC 2047.
import PostalMime, { type Email } from 'postal-mime';
import type { ArticleDraft } from '../../article.ts';
import { toIsoDate } from '../dates.ts';
import { htmlFragmentBlocks } from '../light-dom.ts';
import { buildDraft, sameText } from '../draft.ts';
import { fail } from '../failures.ts';
import { splitParagraphs } from '../normalize.ts';
import { markHeadings, type Block } from '../structure.ts';

const BOILERPLATE = new RegExp([
  'unsubscribe', 'abmelden', 'abbestellen', 'austragen', 'im browser (?:ansehen|öffnen|anzeigen|lesen)',
  'view (?:this (?:e-?mail|newsletter) )?(?:in|on) (?:your |a )?(?:browser|web)', 'datenschutz', 'impressum', 'privacy policy',
  'manage (?:your )?(?:preferences|subscription)', 'you (?:are )?receiv(?:ed|ing) this', 'sie erhalten diese',
  'newsletter (?:weiterempfehlen|empfehlen)', 'forward (?:this )?to a friend', 'update your preferences',
].join('|'), 'i');

const REPLY_PREFIX = /^(?:(?:re|aw|wg|fwd?|fw|tr)\s*:\s*)+/i;

/** Footer lines (unsubscribe, privacy, "view in browser") are not part of the article. */
function dropBoilerplate(blocks: Block[]): Block[] {
  return blocks.filter((b) => !(b.text.length < 250 && BOILERPLATE.test(b.text)) && !/^©/.test(b.text));
}

function headerValue(email: Email, key: string): string | null {
  return email.headers.find((h) => h.key === key)?.value ?? null;
}

function senderName(email: Email): string | null {
  const from = email.from;
  if (!from) return null;
  if (from.name) return from.name;
  const address = 'address' in from ? from.address : undefined;
  return address?.split('@')[1] ?? null;
}

/** Newsletters put a label before the headline ("Ihr Morgenbriefing: …"); the body's own heading is the real one. */
function headline(subject: string, blocks: Block[]): string {
  const tail = subject.includes(': ') ? subject.slice(subject.indexOf(': ') + 2) : subject;
  // HTML bodies mark it as a heading; plain-text bodies just open with it.
  const heading = blocks.slice(0, 3).find((b, i) => (b.kind === 'h' || i === 0) && (sameText(b.text, tail) || sameText(b.text, subject)));
  return heading?.text ?? subject;
}

function bodyBlocks(email: Email, sender: string | null): Block[] {
  if (email.html && email.html.trim()) {
    let blocks = htmlFragmentBlocks(email.html);
    // The newsletter's masthead repeats the sender's name as a heading.
    if (sender && blocks[0]?.kind === 'h' && sameText(blocks[0].text, sender)) blocks = blocks.slice(1);
    blocks = dropBoilerplate(blocks);
    if (blocks.length > 0) return blocks;
  }
  const paras = splitParagraphs(email.text ?? '').filter((p) => !/^[=\-_*~#]{4,}$/.test(p));
  return dropBoilerplate(markHeadings(paras));
}

/** Parses one RFC 822 message into one article. */
export async function parseEmail(bytes: Uint8Array, fileName: string): Promise<ArticleDraft> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { maxNestingDepth: 50 });
  } catch (e) {
    throw fail.corrupt(fileName, 'an e-mail', (e as Error).message);
  }
  const sender = senderName(email);
  const blocks = bodyBlocks(email, sender);
  if (blocks.length === 0) throw fail.noText(fileName, 'message');
  const subject = (email.subject ?? '').replace(REPLY_PREFIX, '').trim();
  return buildDraft({
    fileName, format: 'email', blocks,
    title: subject ? headline(subject, blocks) : null,
    outlet: sender,
    publishedAt: toIsoDate(headerValue(email, 'date') ?? email.date),
    declaredLanguage: headerValue(email, 'content-language'),
    titleFromHeading: 2, readHeader: true, what: 'message',
  });
}

/** Splits an mbox file at its "From " separator lines, undoing ">From " quoting. */
export function splitMbox(bytes: Uint8Array): Uint8Array[] {
  // latin1 maps each byte to one char, so string offsets are byte offsets and the bytes survive unchanged.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const starts: number[] = [];
  const re = /^From [^\r\n]*\r?\n/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index === 0 || text[m.index - 1] === '\n') starts.push(m.index);
  }
  const out: Uint8Array[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? bytes.length;
    const headerEnd = text.indexOf('\n', start) + 1;
    const body = text.slice(headerEnd, end).replace(/^>(>*From )/gm, '$1');
    out.push(new Uint8Array(Buffer.from(body, 'latin1')));
  });
  return out;
}
