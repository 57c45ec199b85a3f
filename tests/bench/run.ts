// `npm run bench`: runs every benchmark script in turn; each prints one JSON line per figure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const benches = ['import.bench.ts', 'html-extract.bench.ts', 'html-quality.bench.ts', 'search.bench.ts', 'themes.bench.ts', 'saved-search.bench.ts', 'scale.bench.ts'];
let failed = 0;
for (const b of benches) {
  const file = join(import.meta.dirname, b);
  if (!existsSync(file)) continue;
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
