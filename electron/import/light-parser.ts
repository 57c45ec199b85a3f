// htmlparser2 set up for speed with the DOM it builds unchanged. Character references are decoded after the
// tokenizer instead of inside it: with decodeEntities off it skips through text and attribute values with one
// indexOf for the next "<" or quote instead of a state-machine step per character (that was 40 % of a page's
// parse). The few runs that hold an "&" (tens per page) are decoded by htmlparser2's own tokenizer, in the state
// they were read in, so the DOM is the one decodeEntities: true builds, quirks included: text and <title>
// decoded, attribute values decoded (attribute rules), script, style, textarea and comment text raw.
// tests/unit/import/light-parser.test.ts holds the DOM to htmlparser2's own decoding.
import { Parser, Tokenizer, type QuoteType, type TokenizerCallbacks } from 'htmlparser2';
import { DomHandler, type Document, type Element } from 'domhandler';
import { LightElement, LightText } from './light-nodes.ts';

/** What the handler reads of the parser's tokenizer when a run of text arrives (htmlparser2 keeps these internal). */
interface TokenizerView {
  state: number;
  isSpecial: boolean;
  currentSequence: Uint8Array | undefined;
  buffer: string;
  index: number;
  offset: number;
}

/** The tokenizer, its scans for one character (the "<" that ends text, a closing quote) done by indexOf. */
class ScanningTokenizer extends Tokenizer {}
const SCAN_CHARS: string[] = [];
// fastForwardTo is private in htmlparser2's types, so it is replaced on the prototype, not overridden.
Object.defineProperty(ScanningTokenizer.prototype, 'fastForwardTo', {
  value(this: TokenizerView, c: number): boolean {
    const at = this.buffer.indexOf((SCAN_CHARS[c] ??= String.fromCharCode(c)), this.index + 1 - this.offset);
    if (at === -1) {
      // As htmlparser2 does: the parse loop steps past the end.
      this.index = this.buffer.length + this.offset - 1;
      return false;
    }
    this.index = at + this.offset;
    return true;
  },
});

const noop = () => {};

/** Runs one string through a decoding tokenizer and keeps the text (or the attribute value) it reports. */
class ReferenceDecoder implements TokenizerCallbacks {
  private input = '';
  private out = '';
  /** Where the attribute values read ended (to check that a value was read whole). */
  attribEnds: number[] = [];

  decode(input: string): string {
    this.input = input;
    this.out = '';
    this.attribEnds = [];
    // The same tokenizer class as the page's parse: one class keeps htmlparser2's code monomorphic for the JIT.
    const tokenizer = new ScanningTokenizer({ decodeEntities: true }, this);
    tokenizer.write(input);
    tokenizer.end();
    return this.out;
  }

  ontext(start: number, end: number): void { this.out += this.input.slice(start, end); }
  ontextentity(cp: number): void { this.out += String.fromCodePoint(cp); }
  onattribdata(start: number, end: number): void { this.out += this.input.slice(start, end); }
  onattribentity(cp: number): void { this.out += String.fromCodePoint(cp); }
  onattribend(_quote: unknown, end: number): void { this.attribEnds.push(end); }
  onattribname = noop;
  oncdata = noop;
  onclosetag = noop;
  oncomment = noop;
  ondeclaration = noop;
  onend = noop;
  onopentagend = noop;
  onopentagname = noop;
  onprocessinginstruction = noop;
  onselfclosingtag = noop;
}

const decoder = new ReferenceDecoder();

/** The tokenizer's state number for plain text (the state it starts in). */
const TEXT_STATE = (new ScanningTokenizer({}, decoder) as unknown as TokenizerView).state;
const TITLE_END = '</title';
const LT = 0x3c;

const isTitleEnd = (seq: Uint8Array | undefined) => seq !== undefined && seq.length === TITLE_END.length
  && String.fromCharCode(...seq) === TITLE_END;

/**
 * The references nearly all "&" on real pages are (query strings, quotes), with their ";": unambiguous in text
 * and in attributes alike, so a run holding only these is decoded without the tokenizer.
 */
const COMMON_REFERENCE = /&(?:amp|quot|lt|gt|apos|nbsp|#39|#34);/g;
const COMMON_VALUE: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>', '&apos;': "'", '&nbsp;': '\u00a0', '&#39;': "'", '&#34;': '"' };

function decodeCommon(raw: string): string | null {
  let ampersands = 0;
  for (let i = raw.indexOf('&'); i !== -1; i = raw.indexOf('&', i + 1)) ampersands++;
  let common = 0;
  const decoded = raw.replace(COMMON_REFERENCE, (ref) => (common++, COMMON_VALUE[ref]!));
  return common === ampersands ? decoded : null;
}

/** Text read in text state; `endsAtTag` when a "<" ended it (a reference cut off by "<" or by the end decodes differently). */
function decodeText(raw: string, endsAtTag: boolean): string {
  const common = decodeCommon(raw);
  if (common !== null) return common;
  if (!endsAtTag) return decoder.decode(raw);
  const decoded = decoder.decode(`${raw}<`);
  return decoded.slice(0, -1);
}

/**
 * An attribute value, whichever quotes it had: its end (a quote, a space or ">") reads alike to the decoder.
 * htmlparser2's decoder misreads a few references without ";" (&Tcy, &Ocy: it runs on past the value's end,
 * and in the page it can swallow the rest of the tag); such a value is kept as written, as a browser keeps it.
 */
function decodeAttribute(raw: string): string {
  const common = decodeCommon(raw);
  if (common !== null) return common;
  const tag = !raw.includes('"') ? `<a v="${raw}">` : !raw.includes("'") ? `<a v='${raw}'>` : `<a v=${raw}>`;
  const decoded = decoder.decode(tag);
  const ends = decoder.attribEnds;
  return ends.length === 1 && ends[0] === tag.length - 1 ? decoded : raw;
}

/**
 * A DomHandler for a parser run with decodeEntities: false that decodes text as htmlparser2 would. It builds
 * the light DOM's own nodes (light-nodes.ts), otherwise exactly as DomHandler does (no xmlMode, no indices).
 */
class EntityDecodingHandler extends DomHandler {
  private tokenizer: TokenizerView | null = null;

  /** Binds the handler to the parser whose tokenizer state tells text, title and raw text (script, style) apart. */
  attach(parser: Parser): void {
    this.tokenizer = (parser as unknown as { tokenizer: TokenizerView }).tokenizer;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    const element = new LightElement(name, attribs);
    this.addNode(element);
    this.tagStack.push(element);
  }

  /**
   * Comments and the doctype are never part of an article, so they are not built (the texts around a comment stay
   * separate nodes, as before). With them gone, the walks meet three kinds of node, not five, and their node checks
   * stay compiled instead of being thrown away at the first comment (see light-nodes.ts).
   */
  override oncomment(): void {}
  override onprocessinginstruction(): void {
    this.lastNode = null; // as adding the node would: the text after it is a node of its own
  }

  override ontext(raw: string): void {
    const data = raw.includes('&') ? this.decodeRun(raw) : raw;
    const last = this.lastNode;
    if (last?.type === 'text') {
      last.data += data;
    } else {
      const node = new LightText(data);
      this.addNode(node);
      this.lastNode = node;
    }
  }

  private decodeRun(data: string): string {
    const tk = this.tokenizer!;
    if (tk.state === TEXT_STATE) return decodeText(data, tk.buffer.charCodeAt(tk.index - tk.offset) === LT);
    // <title> text is decoded, with the title state's own rules; other raw text (script, style, textarea) is not.
    if (tk.isSpecial && isTitleEnd(tk.currentSequence)) return decoder.decode(`<title>${data}</title>`);
    return data;
  }
}


/**
 * A tag or attribute name in lower case, as toLowerCase gives it, without asking ICU: V8 lowers a string that
 * holds a character beyond Latin-1 through ICU, and a page that has one anywhere (a curly quote, a dash) makes
 * every slice of it such a string, so each of the thousands of names on a page cost several hundred instructions.
 * Names already in ASCII lower case, nearly all of them, are returned as they are; any other goes to toLowerCase.
 */
function lowerName(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return name.toLowerCase();
  }
  return name;
}

/** The parts of htmlparser2's parser that its own onopentagname and onattribname use. */
interface ParserInternals {
  getSlice(start: number, end: number): string;
  emitOpenTag(name: string): void;
  attribname: string;
  attribvalue: string;
}

/**
 * htmlparser2's parser, each attribute value decoded as it ends (the handler sees decoded attributes only), and
 * tag and attribute names lowered by lowerName (it is run with htmlparser2's own lower-casing off). A closing
 * tag's name is lowered where htmlparser2 slices it from the page (its handling of closing tags is too long to
 * restate): see the getSlice below the class.
 */
class DecodingParser extends Parser {
  /** Set while htmlparser2 handles a closing tag: the first slice it takes is the tag's name. */
  lowerNextSlice = false;

  override onclosetag(start: number, endIndex: number): void {
    this.lowerNextSlice = true;
    super.onclosetag(start, endIndex);
  }

  override onopentagname(start: number, endIndex: number): void {
    const parser = this as unknown as ParserInternals;
    this.endIndex = endIndex;
    parser.emitOpenTag(lowerName(parser.getSlice(start, endIndex)));
  }

  override onattribname(start: number, endIndex: number): void {
    const parser = this as unknown as ParserInternals;
    this.startIndex = start;
    parser.attribname = lowerName(parser.getSlice(start, endIndex));
  }

  override onattribend(quote: QuoteType, endIndex: number): void {
    const parser = this as unknown as ParserInternals;
    if (parser.attribvalue.includes('&')) parser.attribvalue = decodeAttribute(parser.attribvalue);
    super.onattribend(quote, endIndex);
  }
}

// getSlice is private in htmlparser2's types, so it is replaced on the prototype rather than overridden in the class.
const sliceOfPage = (Parser.prototype as unknown as ParserInternals).getSlice;
(DecodingParser.prototype as unknown as ParserInternals).getSlice = function (this: DecodingParser, start: number, end: number): string {
  const slice = sliceOfPage.call(this, start, end);
  if (!this.lowerNextSlice) return slice;
  this.lowerNextSlice = false;
  return lowerName(slice);
};

/** Names are lowered by DecodingParser (lowerName), so htmlparser2's own lower-casing is off. */
const PARSE_OPTIONS = { decodeEntities: false, lowerCaseTags: false, lowerCaseAttributeNames: false, Tokenizer: ScanningTokenizer };
const TOO_DEEP = new Error('nested too deep');

/** Builds the DOM but gives up as soon as elements nest deeper than `limit` (the caller flattens and retries). */
class DepthLimitedHandler extends EntityDecodingHandler {
  readonly elementList: Element[] = [];

  constructor(private readonly limit: number) {
    super(null, {});
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    this.elementList.push(this.tagStack[this.tagStack.length - 1] as Element);
    if (this.tagStack.length > this.limit + 1) throw TOO_DEEP;
  }
}

/** A parse: the DOM and its elements in document order, as parsed (later walks of the whole page read the list). */
export interface ParsedDom { doc: Document; elementList: Element[] }

/** No limit on nesting: a small integer, not Infinity, so the limit check stays integer arithmetic in compiled code. */
export const NO_DEPTH_LIMIT = 2 ** 30 - 1;

/** The DOM of `markup` and its elements; null when elements nest deeper than `limit`. */
export function parseWithLimit(markup: string, limit: number): ParsedDom | null {
  const handler = new DepthLimitedHandler(limit);
  try {
    const parser = new DecodingParser(handler, PARSE_OPTIONS);
    handler.attach(parser);
    parser.end(markup);
  } catch (e) {
    if (e === TOO_DEEP) return null;
    throw e;
  }
  return { doc: handler.root, elementList: handler.elementList };
}
