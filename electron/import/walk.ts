// Expands dropped paths into the files to import: folders recursively, hidden and system files skipped.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ErrorData } from '../errors.ts';
import { fail } from './failures.ts';

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', '.ds_store', 'icon\r']);

/** Hidden (dot) files, OS metadata files and editor leftovers are never articles. */
export function isSkippedName(name: string): boolean {
  const lower = name.toLowerCase();
  return name.startsWith('.') || name.startsWith('~$') || SYSTEM_FILES.has(lower) || lower === '__macosx';
}

export interface WalkedFile {
  path: string;
  /** The name shown to the user: relative to the dropped folder, including the folder's own name. */
  name: string;
  /** Its size in bytes when it was listed. */
  size: number;
}

export interface WalkFailure {
  name: string;
  error: ErrorData;
}

/** Lists the files under the given paths in a stable order; unreadable paths become failures. */
export function walkPaths(paths: string[]): { files: WalkedFile[]; failures: WalkFailure[] } {
  const files: WalkedFile[] = [];
  const failures: WalkFailure[] = [];
  const visit = (path: string, name: string) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      failures.push({ name, error: fail.missing(name).toData() });
      return;
    }
    if (st.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(path).sort();
      } catch {
        failures.push({ name, error: fail.folderUnreadable(name).toData() });
        return;
      }
      for (const e of entries) if (!isSkippedName(e)) visit(join(path, e), `${name}/${e}`);
    } else if (st.isFile()) {
      files.push({ path, name, size: st.size });
    }
  };
  for (const p of paths) visit(p, basename(p) || p);
  return { files, failures };
}
