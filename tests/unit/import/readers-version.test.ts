// A dropped file is recognised by its bytes only while the readers that read it are today's (READERS_VERSION, see
// electron/import/file-digest.ts): a file read by older readers is read anew once. That only works if the version is
// bumped whenever a reader's output changes, so this test watches the output. It reads the test fixtures (and the
// corpora, when they are beside the clone) and compares a digest of everything the readers give with the one recorded
// in tests/fixtures/readers-output.json for the current READERS_VERSION. If a change to a reader is intended: bump
// READERS_VERSION, then run this test once with UPDATE_READERS_OUTPUT=1 to record the new digest.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { READERS_VERSION } from '../../../electron/import/file-digest.ts';
import { parseFile } from '../../../electron/import/parse-file.ts';
import { corporaDir, fixturesDir, hasCorpora } from '../../helpers.ts';

const RECORD = join(fixturesDir, 'readers-output.json');
/** Fixture folders of files the readers take (not the e2e and theme fixtures, which are built in code). */
const FIXTURE_DIRS = ['import', 'html', 'articles', 'xss'].map((d) => join(fixturesDir, d));
const CORPUS_DIRS = ['html-pages', 'office', 'eml', 'feeds', 'encodings'].map((d) => join(corporaDir, d));

interface Recorded { readersVersion: number; fixtures: string; corpora: string | null }

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return name.endsWith('.json') || name.endsWith('.ts') || name === 'expected.html' ? [] : [path];
  });
}

/** SHA-256 over every item the readers give for these files: each draft whole, each failure by its code. */
async function readersOutput(dirs: string[], root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const path of dirs.flatMap(filesUnder)) {
    const items = await parseFile({ name: relative(root, path), bytes: new Uint8Array(readFileSync(path)) }, { maxBytes: 1 << 30 });
    hash.update(JSON.stringify(items.map((it) => ('draft' in it ? { name: it.name, draft: it.draft } : { name: it.name, error: it.error.code }))));
    hash.update('\n');
  }
  return hash.digest('hex');
}

describe('the readers\' version', () => {
  test('is bumped whenever what the readers give changes', async () => {
    const now: Recorded = {
      readersVersion: READERS_VERSION,
      fixtures: await readersOutput(FIXTURE_DIRS, fixturesDir),
      corpora: hasCorpora ? await readersOutput(CORPUS_DIRS, corporaDir) : null,
    };
    const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Recorded;
    if (process.env.UPDATE_READERS_OUTPUT === '1') {
      // Recording needs the corpora too, so that a clone with them beside it checks them.
      expect(now.corpora, 'record with ../shared/corpora beside the clone').not.toBeNull();
      writeFileSync(RECORD, `${JSON.stringify(now, null, 2)}\n`);
      return;
    }
    const bump = 'bump READERS_VERSION in electron/import/file-digest.ts, then record the output with UPDATE_READERS_OUTPUT=1';
    expect(READERS_VERSION, `READERS_VERSION changed: record the readers' output for it (UPDATE_READERS_OUTPUT=1)`).toBe(recorded.readersVersion);
    expect(now.fixtures, `the readers give different output for the test fixtures: ${bump}`).toBe(recorded.fixtures);
    if (now.corpora === null) console.warn('readers-version: ../shared/corpora is not beside this clone; only the fixtures were checked');
    else expect(now.corpora, `the readers give different output for the corpora: ${bump}`).toBe(recorded.corpora);
  }, 120_000);
});
