// The light DOM's text helpers: innerLength (added up from the children's text shapes) is always the length
// of innerText (the whole text collapsed), also after the tree changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detach, findAll, innerLength, innerText, parseMarkup, type Element } from '../../../electron/import/light-dom.ts';
import { corporaDir, hasCorpora, needsCorpora } from '../../helpers.ts';

/** innerText computed afresh, ignoring every cache. */
const collapsedLength = (el: Element) => {
  const text = (function textOf(n: { type: string; data?: string; children?: unknown[] }): string {
    return n.type === 'text' ? n.data! : (n.children ?? []).map((c) => textOf(c as never)).join('');
  })(el as never);
  return text.trim().replace(/\s{2,}/g, ' ').length;
};

describe('innerLength is the length of innerText', () => {
  test.each(['', ' ', '   ', 'a', ' a ', 'a  b', 'a b', '\u00a0x\u3000 y\t', '\ufeff\ufeff', 'x\u200b y', '\n\n', 'ä  ö'])('%j around an element', (s) => {
    const doc = parseMarkup(`<div>${s}<b>${s}</b><i></i>${s}<span>${s}x${s}</span></div>`);
    for (const el of findAll(doc, () => true)) expect(innerLength(el)).toBe(innerText(el).length);
  });

  test('after an element leaves the tree', () => {
    const doc = parseMarkup('<div><p>Eins  zwei</p> <p> drei </p><p>vier</p></div>');
    const [div, , second] = findAll(doc, () => true) as Element[];
    expect(innerLength(div!)).toBe(collapsedLength(div!));
    detach(second!);
    expect(innerLength(div!)).toBe(collapsedLength(div!));
  });

  test(`on the corpus pages${needsCorpora}`, () => {
    if (!hasCorpora) return;
    const dir = join(corporaDir, 'html-pages');
    for (const name of readdirSync(dir)) {
      const doc = parseMarkup(readFileSync(join(dir, name, 'source.html'), 'utf8'));
      for (const el of findAll(doc, () => true)) expect(innerLength(el), name).toBe(collapsedLength(el));
    }
  });
});
