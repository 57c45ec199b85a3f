// Keys in the window that run the menu's commands, and stepping through articles with j/k.
import { describe, expect, test } from 'vitest';
import { adjacentArticle, runCommandKey } from '../../../renderer/lib/commands.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('command keys', () => {
  test('j and k step articles, but not while typing or with a modifier', () => {
    expect(runCommandKey(key('j'), false)).toBe('next-article');
    expect(runCommandKey(key('k'), false)).toBe('previous-article');
    expect(runCommandKey(key('j'), true)).toBeNull();
    expect(runCommandKey(key('k', { altKey: true }), false)).toBeNull();
  });

  test('Ctrl or Cmd with N, F and comma work even from a text field', () => {
    expect(runCommandKey(key('n', { ctrlKey: true }), true)).toBe('new-note');
    expect(runCommandKey(key('N', { metaKey: true }), false)).toBe('new-note');
    expect(runCommandKey(key('f', { ctrlKey: true }), true)).toBe('focus-search');
    expect(runCommandKey(key(',', { metaKey: true }), true)).toBe('settings');
    expect(runCommandKey(key('n', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(runCommandKey(key('x'), false)).toBeNull();
  });

  test('the next and previous article follow the list and stop at its ends', () => {
    const ids = [9, 4, 7];
    expect(adjacentArticle(ids, 4, 1)).toBe(7);
    expect(adjacentArticle(ids, 4, -1)).toBe(9);
    expect(adjacentArticle(ids, 7, 1)).toBeNull();
    expect(adjacentArticle(ids, 9, -1)).toBeNull();
    expect(adjacentArticle(ids, 100, 1)).toBe(9);
    expect(adjacentArticle([], 1, 1)).toBeNull();
  });
});
