// The nodes the light DOM is built of: domhandler's Element and Text with the extractor's per-node slots (text
// caches, score, table mark) declared up front. Added later, each slot gave an element another hidden class
// (V8's object shape), in whatever order the passes happened to touch it: dozens of shapes per page, and every
// parse thread's JIT threw away and recompiled the hot walks again and again (the pruning pass 13 times in a
// 200-page import) instead of running them.
import { Element, Text } from 'domhandler';

/**
 * What the length of innerText depends on: characters other than whitespace, runs of whitespace, and whether
 * the text starts or ends with one (see innerLength in light-dom.ts).
 */
export interface TextShape { solid: number; runs: number; startsBlank: boolean; endsBlank: boolean }

export class LightElement extends Element {
  /** textContent, until the subtree changes. */
  _text: string | undefined = undefined;
  /** Readability's innerText. */
  _inner: string | undefined = undefined;
  _shape: TextShape | undefined = undefined;
  /** The extractor's content score (html-readable.ts); undefined until it scores the element. */
  _score: number | undefined = undefined;
  /** A table holding data rather than layout (html-clean.ts). */
  _dataTable: boolean | undefined = undefined;

  constructor(name: string, attribs: Record<string, string>, children: Element['children'] = []) {
    super(name, attribs, children);
  }
}

export class LightText extends Text {
  _shape: TextShape | undefined = undefined;
}

/** The slots of an element of the light DOM (every element it holds is a LightElement). */
export const slots = (el: Element) => el as LightElement;
