// Turns what the user dropped or picked (files, whole folders) into a flat list of named files.
// DataTransfer items are only readable during the drop event, so entries are taken synchronously.

export interface PickedFile {
  /** Shown in the import report: relative to the dropped folder, including the folder's name. */
  name: string;
  file: File;
}

export interface Picked {
  files: PickedFile[];
  /** Hidden and system files inside dropped folders, left out like the main-process walker does. */
  skipped: number;
}

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', '.ds_store', '__macosx']);

/** Same rule as electron/import/walk.ts: dot files, Office lock files and OS metadata are no articles. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || SYSTEM_FILES.has(name.toLowerCase());
}

/** True while the drag carries files (not text or a link dragged from elsewhere). */
export function carriesFiles(data: DataTransfer | null): boolean {
  return !!data && Array.from(data.types).includes('Files');
}

function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries hands out at most ~100 entries per call: keep asking until it returns none.
  return new Promise((resolve, reject) => {
    const next = () => reader.readEntries((batch) => {
      if (batch.length === 0) return resolve(all);
      all.push(...batch);
      next();
    }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, into: Picked): Promise<void> {
  const name = entry.fullPath.replace(/^\/+/, '') || entry.name;
  if (entry.isDirectory) {
    const children = await readAllEntries(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      if (isSkippedName(child.name)) into.skipped += 1;
      else await walk(child, into);
    }
  } else if (entry.isFile) {
    into.files.push({ name, file: await fileOf(entry as FileSystemFileEntry) });
  }
}

/** Collects the dropped files, descending into folders. Call it inside the drop handler. */
export function collectDropped(data: DataTransfer): Promise<Picked> {
  const taken: Array<{ entry: FileSystemEntry | null; file: File | null }> = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    taken.push({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() });
  }
  if (taken.length === 0) for (const file of Array.from(data.files)) taken.push({ entry: null, file });

  return (async () => {
    const picked: Picked = { files: [], skipped: 0 };
    for (const { entry, file } of taken) {
      // A directory entry walks its tree; a plain file keeps its File (entries of synthetic drops can be empty).
      if (entry?.isDirectory) await walk(entry, picked);
      else if (file) picked.files.push({ name: file.name, file });
      else if (entry) await walk(entry, picked);
    }
    return picked;
  })();
}

/** Files from the "Import files…" picker. */
export function collectPicked(list: FileList | null): Picked {
  const files = Array.from(list ?? []).map((file) => ({ name: file.webkitRelativePath || file.name, file }));
  return { files, skipped: 0 };
}

/** Groups files into calls small enough for one IPC message (count and bytes). */
export function batchFiles(files: PickedFile[], maxCount = 50, maxBytes = 48 * 1024 * 1024): PickedFile[][] {
  const batches: PickedFile[][] = [];
  let current: PickedFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length > 0 && (current.length >= maxCount || bytes + f.file.size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
