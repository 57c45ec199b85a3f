// Crash loop for `npm run fuzz -- --kills N`: SIGKILL a CLI import of a folder at random moments, N times, then
// check the library: integrity ok, every article whole (row, bands, change log, searchable) or absent, and a
// re-import completes the folder without duplicates. Returns what it found instead of asserting.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary } from '../../electron/library.ts';
import { repoRoot, tempDir } from '../helpers.ts';
import { rng } from './inputs.ts';

const WORDS = 'Hafen Brücke Gericht Urteil Polizei Energie Strom Preis Miete Wohnung Kanzler Minister Partei Umfrage Hochwasser Dürre Ernte Export Zoll Fabrik'.split(' ');

export function markedArticle(i: number): string {
  const r = rng(i + 1);
  const w = () => WORDS[Math.floor(r() * WORDS.length)];
  return `Meldung ${i}: ${w()} und ${w()}\n\n${Array.from({ length: 10 }, (_, s) => `Der ${w()} folgt dem ${w()} in Bezirk ${i}-${s}.`).join(' ')} Kennung kx${i}q.`;
}

export async function killedImports(kills: number, seed: number, count = 1500): Promise<{ kills: number; stored: number[]; problems: string[] }> {
  const cli = join(repoRoot, 'dist/cli.mjs');
  if (!existsSync(cli)) execFileSync(process.execPath, ['build/bundle.mjs'], { cwd: repoRoot });
  const t = tempDir('dossier-kill-');
  const drop = join(t.dir, 'drop');
  const lib = join(t.dir, 'lib');
  mkdirSync(drop);
  for (let i = 0; i < count; i++) writeFileSync(join(drop, `m-${i}.txt`), markedArticle(i));
  const r = rng(seed);
  const stored: number[] = [];
  const problems: string[] = [];
  try {
    for (let k = 0; k < kills; k++) {
      // Start-up alone takes a second or more on a busy machine: spread the kills over the whole import.
      const ms = 300 + Math.floor(r() * 9000);
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [cli, 'import', drop, '--library', lib, '--json'], { stdio: 'ignore' });
        const timer = setTimeout(() => child.kill('SIGKILL'), ms);
        child.on('exit', () => { clearTimeout(timer); resolve(); });
      });
      if (!existsSync(join(lib, 'library.sqlite'))) continue;
      const db = new Database(join(lib, 'library.sqlite'), { readonly: true });
      try {
        const ok = db.pragma('integrity_check', { simple: true });
        if (ok !== 'ok') problems.push(`after kill ${k} at ${ms} ms: integrity_check ${String(ok)}`);
        stored.push(db.prepare('SELECT count(*) FROM articles').pluck().get() as number);
        const broken = db.prepare(`SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_id = a.id)
          OR NOT EXISTS (SELECT 1 FROM article_changes c WHERE c.article_id = a.id) OR a.text NOT LIKE '%Kennung kx%q.'`).pluck().get() as number;
        if (broken > 0) problems.push(`after kill ${k} at ${ms} ms: ${broken} half-written articles`);
      } finally {
        db.close();
      }
    }
    const library = await openLibrary({ dir: lib });
    try {
      const before = library.info().articleCount;
      for (const a of library.list({ limit: 10_000 })) {
        const i = Number(/Meldung (\d+)/.exec(a.title)?.[1]);
        if (!library.search(`kx${i}q`).hits.some((h) => h.id === a.id)) problems.push(`article ${a.id} (${a.title}) not found by search`);
      }
      const again = await library.importPaths([drop]);
      if (again.failed > 0) problems.push(`re-import: ${again.failed} failed`);
      if (again.duplicates !== before) problems.push(`re-import: ${again.duplicates} duplicates, expected ${before}`);
      if (library.info().articleCount !== count) problems.push(`after re-import: ${library.info().articleCount} articles, expected ${count}`);
    } finally {
      await library.close();
    }
  } finally {
    t.cleanup();
  }
  return { kills, stored, problems };
}
