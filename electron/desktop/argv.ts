// Which files a launch asks us to open: "open with", a desktop entry's %U, `dossier file.pdf`, or the
// argv a second launch hands to the running instance. Pure: existence is checked by the caller's function.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ArgvContext {
  /** The working directory of the launch the argv came from (relative paths resolve against it). */
  cwd: string;
  /** Packaged apps have argv [exe, ...files]; `electron .` has [electron, appPath, ...files]. */
  packaged: boolean;
  exists(path: string): boolean;
}

/** Absolute paths of existing files and folders named on the command line, in order, without duplicates. */
export function pathsFromArgv(argv: readonly string[], ctx: ArgvContext): string[] {
  const args = argv.slice(ctx.packaged ? 1 : 2);
  const out: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
      continue;
    }
    // Chromium and Electron switches (--allow-file-access-from-files, -psn_0_1234 on old macOS) are not files.
    if (!optionsEnded && arg.startsWith('-')) continue;
    const path = toPath(arg, ctx.cwd);
    if (path && ctx.exists(path) && !out.includes(path)) out.push(path);
  }
  return out;
}

function toPath(arg: string, cwd: string): string | null {
  if (!arg.trim()) return null;
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  // Any other URL scheme (http:, mailto:, x-dossier:) is not a file; Windows drive letters are.
  if (/^[a-z][a-z0-9+.-]+:/i.test(arg) && !/^[a-z]:[\\/]/i.test(arg)) return null;
  return isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg);
}
