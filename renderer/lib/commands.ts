// Keys that run app commands inside the window (the native menu sends the same commands), and the
// article before/after the current one. Pure functions, tested without a DOM.
import type { AppCommand } from '../../electron/api.ts';

interface Key { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }

/** The command a key press means, or null. Plain letters never fire while the user types in a field. */
export function runCommandKey(e: Key, typing: boolean): AppCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && e.key === ',') return 'settings';
  if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'n') return 'new-note';
  if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') return 'focus-search';
  if (mod || e.altKey || typing) return null;
  if (e.key === 'j') return 'next-article';
  if (e.key === 'k') return 'previous-article';
  return null;
}

/** The id `step` places after `current` in `ids` (the library's order), or null at either end. */
export function adjacentArticle(ids: readonly number[], current: number, step: 1 | -1): number | null {
  const at = ids.indexOf(current);
  if (at === -1) return ids.length > 0 && step > 0 ? ids[0]! : null;
  return ids[at + step] ?? null;
}
