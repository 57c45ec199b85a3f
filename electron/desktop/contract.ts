// The desktop shell's part of the contract, as plain data: the settings schema and defaults, the menu
// commands sent to the renderer, and the About/diagnostics shape. No node:, no DOM: api.ts re-exports it.
import { z } from 'zod';

/** The commands the native menu (and its accelerators) send to the renderer as an 'app.command' event.
 *  Import… and Export… are carried out in main (they need the system file dialogs), so they are not here. */
export const appCommands = [
  'focus-search', 'next-article', 'previous-article', 'new-note', 'settings', 'about',
] as const;
export type AppCommand = (typeof appCommands)[number];

export type FolderPurpose = 'library' | 'watched';

export interface BlockedRequests {
  count: number;
  last: string[];
}

export interface AboutInfo {
  app: string;
  electron: string | null;
  chrome: string | null;
  node: string;
  sqlite: string;
  libraryLocation: string;
  settingsFile: string;
  blockedRequests: BlockedRequests;
}

export const READER_FONT_SIZES = { min: 12, max: 28 } as const;
const folder = z.string().min(1).max(4096);

export const appSettings = z.object({
  /** Where the library lives; null means the per-user default folder. */
  libraryDir: folder.nullable(),
  language: z.enum(['system', 'en', 'de']),
  theme: z.enum(['system', 'light', 'dark']),
  /** Search treats ä/ae/a as different letters when on; the renderer sends it with each search. */
  strictUmlauts: z.boolean(),
  /** Reader body text size in CSS pixels. */
  readerFontSize: z.number().int().min(READER_FONT_SIZES.min).max(READER_FONT_SIZES.max),
  /** Files saved into this folder are imported automatically; null = off. */
  watchedFolder: folder.nullable(),
});

export type AppSettings = z.infer<typeof appSettings>;

/** A change to some settings; unknown keys are refused rather than silently dropped. */
export const settingsPatch = appSettings.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const DEFAULT_SETTINGS: AppSettings = {
  libraryDir: null,
  language: 'system',
  theme: 'system',
  strictUmlauts: false,
  readerFontSize: 18,
  watchedFolder: null,
};
