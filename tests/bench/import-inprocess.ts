// One in-process import figure, run by import.bench.ts in a fresh process of its own: the library opened, then
// one drop (or two, for `next`) timed through Library.importPaths. import.bench.ts bundles this file into dist/
// beside the app's worker bundles, so it times the code the app runs; from the TypeScript sources every worker
// thread would first compile its modules through tsx. Argument: one JSON object (see Job).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary } from '../../electron/library.ts';

interface Job { label: string; files: number; paths: string[]; /** Timed as a second drop, after `paths`. */ next?: string[] }

const emit = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'import', ...figure }));

async function run(job: Job): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const lib = await openLibrary({ dir: join(dir, 'lib') });
  if (job.next) await lib.importPaths(job.paths);
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
  const start = performance.now();
  const cpuStart = process.cpuUsage(); // the whole process: import worker and parse threads included
  const report = await lib.importPaths(job.next ?? job.paths);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(timer);
  await lib.close();
  rmSync(dir, { recursive: true, force: true });
  // Why files failed, by code: on an overloaded machine parses can run into the per-file time limit (import/timeout).
  const reasons: Record<string, number> = {};
  for (const o of report.outcomes) if (o.error) reasons[o.error.code] = (reasons[o.error.code] ?? 0) + 1;
  emit({ figure: `${job.label}.${job.next ? 'nextDrop' : 'throughput'}`, files: job.files, imported: report.imported,
    duplicates: report.duplicates, failed: report.failed, reasons,
    seconds: +(ms / 1000).toFixed(2), perSecond: Math.round((job.files / ms) * 1000),
    // CPU time is what other processes on a shared machine cannot inflate: cores / cpuMsPerFile bounds the rate.
    cpuMsPerFile: +((cpu.user + cpu.system) / 1000 / job.files).toFixed(2), peakRssMB: Math.round(peakRss / 1048576),
    ...(job.next ? { note: 'a second drop into the same library, on the threads the first one warmed up' } : {}) });
}

await run(JSON.parse(process.argv[2]!) as Job);
