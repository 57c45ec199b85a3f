// The native menu as a plain template (Electron's MenuItemConstructorOptions shape), in English or German,
// with the app's shortcuts. Actions are passed in, so the template is built and tested without Electron.
import type { AppCommand } from './contract.ts';

export interface MenuItem {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu' | 'normal';
  accelerator?: string;
  /** false: the shortcut is shown but handled by the renderer (plain letters must keep working in text fields). */
  registerAccelerator?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
}

export interface MenuActions {
  importFiles(): void;
  exportNotes(): void;
  command(command: AppCommand): void;
}

const labels = {
  en: {
    file: 'File', import: 'Import…', export: 'Export Notes…', settings: 'Settings…', quit: 'Quit Dossier',
    edit: 'Edit', view: 'View', focusSearch: 'Find in Library', nextArticle: 'Next Article',
    previousArticle: 'Previous Article', article: 'Article', newNote: 'New Note', window: 'Window', help: 'Help',
    about: 'About Dossier',
  },
  de: {
    file: 'Ablage', import: 'Importieren…', export: 'Notizen exportieren…', settings: 'Einstellungen…',
    quit: 'Dossier beenden', edit: 'Bearbeiten', view: 'Darstellung', focusSearch: 'In der Bibliothek suchen',
    nextArticle: 'Nächster Artikel', previousArticle: 'Vorheriger Artikel', article: 'Artikel',
    newNote: 'Neue Notiz', window: 'Fenster', help: 'Hilfe', about: 'Über Dossier',
  },
} as const;

export type MenuLocale = keyof typeof labels;

/** The menu bar for a platform; on macOS the app menu carries Settings, About and Quit as users expect. */
export function buildMenuTemplate(locale: MenuLocale, platform: NodeJS.Platform, actions: MenuActions): MenuItem[] {
  const l = labels[locale];
  const mac = platform === 'darwin';
  const settings: MenuItem = { label: l.settings, accelerator: 'CmdOrCtrl+,', click: () => actions.command('settings') };
  const about: MenuItem = { label: l.about, click: () => actions.command('about') };
  const file: MenuItem = {
    label: l.file,
    submenu: [
      { label: l.import, accelerator: 'CmdOrCtrl+O', click: actions.importFiles },
      { label: l.export, accelerator: 'CmdOrCtrl+E', click: actions.exportNotes },
      ...(mac ? [] : [{ type: 'separator' as const }, settings, { type: 'separator' as const }, { label: l.quit, role: 'quit' }]),
    ],
  };
  const article: MenuItem = {
    label: l.article,
    submenu: [
      { label: l.focusSearch, accelerator: 'CmdOrCtrl+F', click: () => actions.command('focus-search') },
      { type: 'separator' },
      { label: l.nextArticle, accelerator: 'J', registerAccelerator: false, click: () => actions.command('next-article') },
      { label: l.previousArticle, accelerator: 'K', registerAccelerator: false, click: () => actions.command('previous-article') },
      { type: 'separator' },
      { label: l.newNote, accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-note') },
    ],
  };
  const template: MenuItem[] = [
    ...(mac ? [{ label: 'Dossier', submenu: [about, { type: 'separator' as const }, settings, { type: 'separator' as const },
      { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' as const }, { label: l.quit, role: 'quit' }] }] : []),
    file,
    { label: l.edit, role: 'editMenu' },
    article,
    { label: l.view, submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: l.window, role: 'windowMenu' },
    ...(mac ? [] : [{ label: l.help, submenu: [about] }]),
  ];
  return template;
}

/** The menu language for the UI language setting ('system' follows the OS locale). */
export function menuLocale(setting: 'system' | 'en' | 'de', systemLocale: string): MenuLocale {
  if (setting !== 'system') return setting;
  return /^de\b/i.test(systemLocale) ? 'de' : 'en';
}
