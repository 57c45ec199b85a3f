// Shared test helpers: temp library folders, the corpora location (../shared, absent in users' clones).
import { existsSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');
export const corporaDir = resolve(repoRoot, '../shared/corpora');
export const hasCorpora = existsSync(corporaDir);
/** Appended to the names of tests that need ../shared, so a skip says why. */
export const needsCorpora = hasCorpora ? '' : ' (skipped: ../shared/corpora is not beside this clone)';
export const seedFile = join(corporaDir, 'seed/000_e4f8963eb54722b6.txt');
export const fixturesDir = join(repoRoot, 'tests/fixtures');

export function tempDir(prefix = 'dossier-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CorpusArticle { id: string; label: string; title?: string; text: string }

/** Reads a JSON-lines corpus (gnad, bbc); `limit` takes the first N. */
export function readCorpus(name: 'gnad' | 'bbc', limit = Infinity): CorpusArticle[] {
  const lines = readFileSync(join(corporaDir, name, 'articles.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.slice(0, limit).map((l) => JSON.parse(l) as CorpusArticle);
}

/** Deterministic pseudo-random bytes (binary junk for bad-input tests). */
export function junkBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

/** A repeatable random string of `length` symbols drawn from `alphabet` (for property tests against an oracle). */
export function randomText(alphabet: readonly string[], seed: number, length: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += alphabet[(x >> 8) % alphabet.length];
  }
  return s;
}
