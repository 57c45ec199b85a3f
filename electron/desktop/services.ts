// What the desktop shell offers the renderer beside the Library: settings, About, external links and
// folder pickers. main.ts builds it with Electron's dialog/shell; the e2e harness and tests with fakes.
import type { AboutInfo, AppSettings, BlockedRequests, FolderPurpose } from './contract.ts';
import { checkExternalUrl } from './external-links.ts';
import type { SettingsStore } from './settings-store.ts';
import { validatePatch } from './settings-store.ts';

export interface DesktopServices {
  getSettings(): AppSettings;
  /** Saves a patch; a new library location is opened first, and the setting is kept only if that worked. */
  setSettings(patch: unknown): Promise<AppSettings>;
  openExternal(url: string): Promise<true>;
  about(): AboutInfo;
  /** A folder chosen in the system dialog, or null when the user cancelled. */
  chooseFolder(purpose: FolderPurpose): Promise<string | null>;
}

export interface DesktopDeps {
  store: SettingsStore;
  /** Opens the system browser (Electron's shell.openExternal). */
  openExternal(url: string): Promise<void>;
  chooseFolder(purpose: FolderPurpose): Promise<string | null>;
  versions: { app: string; electron?: string; chrome?: string; node: string };
  sqliteVersion(): string;
  libraryLocation(): string;
  blocked(): BlockedRequests;
  /** Called after settings changed (library reopened, watcher restarted, menu relabelled). */
  applySettings(next: AppSettings, previous: AppSettings): Promise<void>;
  /** Told the saved settings after every successful change, so main can push 'settings.changed' to the window. */
  onChanged?(settings: AppSettings): void;
}

export function createDesktopServices(deps: DesktopDeps): DesktopServices {
  return {
    getSettings: () => deps.store.get(),
    async setSettings(patch) {
      const previous = deps.store.get();
      const next = { ...previous, ...validatePatch(patch) };
      // Apply before saving: a library folder that cannot be opened must not become the saved choice.
      await deps.applySettings(next, previous);
      const saved = deps.store.set(next);
      deps.onChanged?.(saved);
      return saved;
    },
    async openExternal(url) {
      await deps.openExternal(checkExternalUrl(url));
      return true;
    },
    about: () => ({
      app: deps.versions.app,
      electron: deps.versions.electron ?? null,
      chrome: deps.versions.chrome ?? null,
      node: deps.versions.node,
      sqlite: deps.sqliteVersion(),
      libraryLocation: deps.libraryLocation(),
      settingsFile: deps.store.file,
      blockedRequests: deps.blocked(),
    }),
    chooseFolder: (purpose) => deps.chooseFolder(purpose),
  };
}
