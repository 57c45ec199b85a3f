// Applies the numbered SQL migrations in db/migrations (NNN_name.sql) and tracks them in PRAGMA user_version.
// Each pending file and its version bump run in one transaction; a database newer than the app is refused.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { DossierError } from '../electron/errors.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Source tree: db/migrations beside this file; bundled app: dist/migrations beside the bundle. */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

/** Reads and checks the migration files: numbered from 1, contiguous, no gaps or repeats. */
export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  if (!existsSync(dir)) throw new DossierError('db/migrations-missing', `Database migrations not found in ${dir}.`);
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const m = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(f);
      if (!m) throw new DossierError('db/bad-migration-name', `Migration file ${f} must be named NNN_snake_name.sql.`);
      return { version: Number(m[1]), name: m[2]!, sql: readFileSync(`${dir}/${f}`, 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new DossierError('db/migration-gap', `Migrations must be numbered 1, 2, 3…; found ${m.version} at position ${i + 1}.`);
    }
  });
  return migrations;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses (db/newer-than-app) a database whose schema is newer than the migrations this app has. */
export function assertNotNewer(db: Database.Database, latest = loadMigrations().length): void {
  const current = schemaVersion(db);
  if (current > latest) {
    throw new DossierError(
      'db/newer-than-app',
      `This library was written by a newer version of Dossier (schema ${current}; this app knows up to ${latest}). ` +
        'Update Dossier to open it; the library was not changed.',
      { current, latest },
    );
  }
}

/** Migrates up to `target` (default: the newest). Returns the version reached. */
export function migrate(db: Database.Database, opts: { target?: number; dir?: string } = {}): number {
  const migrations = loadMigrations(opts.dir);
  const target = opts.target ?? migrations.length;
  assertNotNewer(db, migrations.length);
  const current = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
