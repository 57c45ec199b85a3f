// Where a library lives by default: the per-user app-data folder the Electron app uses ("Dossier").
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Dossier');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Dossier');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Dossier');
}
