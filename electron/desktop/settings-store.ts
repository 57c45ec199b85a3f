// Settings persisted as one JSON file in the app's userData folder, not in the library database: the
// library's location is itself a setting. A missing or damaged file yields the defaults, never a crash.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { DossierError } from '../errors.ts';
import { appSettings, DEFAULT_SETTINGS, settingsPatch, type AppSettings, type SettingsPatch } from './contract.ts';

export const SETTINGS_FILE = 'settings.json';

export class SettingsStore {
  private current: AppSettings;

  constructor(readonly file: string) {
    this.current = loadSettings(file);
  }

  get(): AppSettings {
    return { ...this.current };
  }

  /** Validates a patch (input/invalid, settings/not-absolute), merges it and writes the file. */
  set(patch: unknown): AppSettings {
    const next = { ...this.current, ...validatePatch(patch) };
    saveSettings(this.file, next);
    this.current = next;
    return this.get();
  }
}

export function validatePatch(patch: unknown): SettingsPatch {
  const parsed = settingsPatch.safeParse(patch);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ');
    throw new DossierError('input/invalid', `These settings cannot be saved: ${where}`);
  }
  for (const key of ['libraryDir', 'watchedFolder'] as const) {
    const dir = parsed.data[key];
    if (typeof dir === 'string' && !isAbsolute(dir)) {
      throw new DossierError('settings/not-absolute', `Choose a complete folder path (got “${dir}”).`);
    }
  }
  return parsed.data;
}

/** Reads the file; keys that fail validation fall back to their defaults one by one. */
export function loadSettings(file: string): AppSettings {
  if (!existsSync(file)) return { ...DEFAULT_SETTINGS };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object') {
    for (const [key, schema] of Object.entries(appSettings.shape)) {
      const value = (raw as Record<string, unknown>)[key];
      const parsed = schema.safeParse(value);
      if (value !== undefined && parsed.success) out[key] = parsed.data;
    }
  }
  return out as AppSettings;
}

/** Writes via a temp file and rename, so a crash mid-write never leaves half a settings file. */
export function saveSettings(file: string, settings: AppSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(settings, null, 2) + '\n');
  renameSync(tmp, file);
}
