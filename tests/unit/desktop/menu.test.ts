// The native menu: every shortcut the issue names, labels in both languages, actions reach their targets.
import { describe, expect, test } from 'vitest';
import { buildMenuTemplate, menuLocale, type MenuItem } from '../../../electron/desktop/menu.ts';

function flatten(items: MenuItem[]): MenuItem[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}

function record() {
  const calls: string[] = [];
  return {
    calls,
    actions: { importFiles: () => calls.push('import'), exportNotes: () => calls.push('export'), command: (c: string) => calls.push(c) },
  };
}

describe('the native menu', () => {
  test.each(['linux', 'win32', 'darwin'] as const)('on %s it offers import, search, j/k, new note, export, settings and about with their shortcuts', (platform) => {
    const r = record();
    const items = flatten(buildMenuTemplate('en', platform, r.actions));
    const byLabel = (label: string) => items.find((i) => i.label === label);
    const expected: Array<[string, string | undefined, string]> = [
      ['Import…', 'CmdOrCtrl+O', 'import'], ['Find in Library', 'CmdOrCtrl+F', 'focus-search'],
      ['Next Article', 'J', 'next-article'], ['Previous Article', 'K', 'previous-article'],
      ['New Note', 'CmdOrCtrl+N', 'new-note'], ['Export Notes…', 'CmdOrCtrl+E', 'export'],
      ['Settings…', 'CmdOrCtrl+,', 'settings'], ['About Dossier', undefined, 'about'],
    ];
    for (const [label, accelerator, action] of expected) {
      const item = byLabel(label);
      expect(item, label).toBeDefined();
      expect(item!.accelerator).toBe(accelerator);
      item!.click!();
      expect(r.calls.at(-1)).toBe(action);
    }
    expect(items.some((i) => i.role === 'quit')).toBe(true);
    expect(items.some((i) => i.role === 'editMenu')).toBe(true);
  });

  test('plain-letter shortcuts are shown but left to the window, so typing j and k in a note still works', () => {
    const items = flatten(buildMenuTemplate('en', 'linux', record().actions));
    const plain = items.filter((i) => i.accelerator && !/CmdOrCtrl|Alt|Shift/.test(i.accelerator));
    expect(plain.map((i) => i.accelerator).sort()).toEqual(['J', 'K']);
    expect(plain.every((i) => i.registerAccelerator === false)).toBe(true);
  });

  test('the German menu has German labels for every entry the English one has', () => {
    const en = flatten(buildMenuTemplate('en', 'linux', record().actions)).filter((i) => i.label);
    const de = flatten(buildMenuTemplate('de', 'linux', record().actions)).filter((i) => i.label);
    expect(de.length).toBe(en.length);
    expect(de.map((i) => i.label)).toContain('Importieren…');
    expect(de.map((i) => i.label)).toContain('Neue Notiz');
    const same = de.filter((d, k) => d.label === en[k]!.label).map((i) => i.label);
    expect(same).toEqual([]);
  });

  test('the menu language follows the setting, or the system locale when set to system', () => {
    expect(menuLocale('system', 'de-AT')).toBe('de');
    expect(menuLocale('system', 'en-GB')).toBe('en');
    expect(menuLocale('en', 'de-DE')).toBe('en');
    expect(menuLocale('de', 'fr-FR')).toBe('de');
  });
});
