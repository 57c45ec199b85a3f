// The desktop shell's side of the window: which dialog is open (Settings, About, "open this link?"),
// the About facts, menu commands and imports finished in main. Components only render this state.
import { call, on, toErrorData } from './api.ts';
import { briefing } from './briefing.svelte.ts';
import { importJob } from './import-job.svelte.ts';
import { library } from './library.svelte.ts';
import { router } from './router.svelte.ts';
import { search } from './search.svelte.ts';
import { settings } from './settings.svelte.ts';
import type { AboutInfo, AppCommand, FolderPurpose } from '../../electron/api.ts';

export type DesktopDialog = 'settings' | 'about' | 'link' | null;

class DesktopState {
  dialog = $state<DesktopDialog>(null);
  about = $state.raw<AboutInfo | null>(null);
  /** The link waiting for the user's yes before it goes to the system browser. */
  pendingLink = $state<string | null>(null);
  error = $state.raw<{ code: string; message: string } | null>(null);

  close(): void {
    this.dialog = null;
    this.pendingLink = null;
    this.error = null;
  }

  openSettings(): void {
    this.error = null;
    this.dialog = 'settings';
  }

  async openAbout(): Promise<void> {
    this.error = null;
    this.dialog = 'about';
    try {
      this.about = await call('app.about', {});
    } catch (e) {
      this.error = toErrorData(e);
    }
  }

  askToOpen(url: string): void {
    this.error = null;
    this.pendingLink = url;
    this.dialog = 'link';
  }

  /** The user said yes: main checks the address (http/https only) and hands it to the system browser. */
  async confirmLink(): Promise<void> {
    const url = this.pendingLink;
    if (!url) return;
    try {
      await call('links.open', { url });
      this.close();
    } catch (e) {
      this.error = toErrorData(e);
    }
  }

  /** Lets the user pick a folder; for the library, the window then shows the library found there. */
  async chooseFolder(purpose: FolderPurpose): Promise<void> {
    let dir: string | null;
    try {
      dir = await call('settings.chooseFolder', { purpose });
    } catch (e) {
      settings.error = toErrorData(e);
      return;
    }
    if (!dir) return;
    const saved = await settings.update(purpose === 'library' ? { libraryDir: dir } : { watchedFolder: dir });
    if (saved && purpose === 'library') await this.reloadViews();
  }

  async useDefaultLibrary(): Promise<void> {
    if (await settings.update({ libraryDir: null })) await this.reloadViews();
  }

  private async reloadViews(): Promise<void> {
    router.go({ view: 'briefing' });
    await Promise.all([library.refresh(), briefing.load(), search.query.trim() ? search.run() : undefined]);
  }

  /** Subscribes to menu commands, imports finished in main and settings changed in main. */
  listen(run: (command: AppCommand) => void): () => void {
    const offs = [
      on('app.command', ({ command }) => run(command)),
      on('import.finished', (report) => void importJob.showFinished(report)),
      on('settings.changed', (s) => settings.apply(s)),
    ];
    return () => offs.forEach((off) => off());
  }
}

export const desktop = new DesktopState();
