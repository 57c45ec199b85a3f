// One import at a time: reads the picked files in batches, sends them to the main process, follows
// its progress events and gathers one report. Afterwards the list, briefing and search catch up.
import { call, on, toErrorData } from './api.ts';
import { batchFiles } from './drop.ts';
import { briefing } from './briefing.svelte.ts';
import { library } from './library.svelte.ts';
import { search } from './search.svelte.ts';
import { savedSearches } from './saved-searches.svelte.ts';
import type { Picked, PickedFile } from './drop.ts';
import type { ImportOutcome, ImportReport } from '../../electron/api.ts';

export type ImportPhase = 'idle' | 'reading' | 'importing' | 'done';

type FileBytes = { name: string; bytes: Uint8Array<ArrayBuffer> };

function emptyReport(): ImportReport {
  return { outcomes: [], imported: 0, duplicates: 0, updated: 0, failed: 0, cancelled: false };
}

function failAll(batch: PickedFile[], error: { code: string; message: string }): ImportOutcome[] {
  return batch.map((f) => ({ file: f.name, status: 'failed' as const, error }));
}

async function readBatch(batch: PickedFile[]): Promise<{ files: FileBytes[]; failed: ImportOutcome[] }> {
  const files: FileBytes[] = [];
  const failed: ImportOutcome[] = [];
  for (const f of batch) {
    try {
      files.push({ name: f.name, bytes: new Uint8Array(await f.file.arrayBuffer()) });
    } catch {
      failed.push({ file: f.name, status: 'failed', error: { code: 'import/unreadable', message: `${f.name} could not be read.` } });
    }
  }
  return { files, failed };
}

class ImportJob {
  phase = $state<ImportPhase>('idle');
  total = $state(0);
  done = $state(0);
  current = $state<string | null>(null);
  skipped = $state(0);
  report = $state.raw<ImportReport | null>(null);
  // import report: cancel and retry
  /** The user asked to stop: no further batches are sent, the running one is cancelled in the main process. */
  cancelling = $state(false);
  /** The files that failed in the last import, with their bytes, so "Retry failed" can send them again. */
  retryable = $state.raw<PickedFile[]>([]);
  private queue: Promise<void> = Promise.resolve();

  get busy(): boolean {
    return this.phase === 'reading' || this.phase === 'importing';
  }

  /** Imports what was dropped or picked; a second drop during an import waits for the first. */
  start(picked: Promise<Picked> | Picked): Promise<void> {
    this.phase = 'reading';
    this.queue = this.queue.then(async () => {
      this.phase = 'reading';
      await this.run(await picked);
    });
    return this.queue;
  }

  /**
   * Files are on their way (dragged over the window, the file picker open): the main process starts an import's
   * threads now, so the drop does not wait for them. A hint only: nothing is lost if it fails.
   */
  prepare(): void {
    if (!this.busy) call('import.prepare', {}).catch(() => undefined);
  }

  /** Stops the running import; what was already stored stays. */
  async cancel(): Promise<void> {
    if (!this.busy || this.cancelling) return;
    this.cancelling = true;
    await call('import.cancel', {});
  }

  /** Imports the failed files of the last report again (after the user fixed or replaced them, or to retry a timeout). */
  retryFailed(): Promise<void> {
    const files = this.retryable;
    if (this.busy || files.length === 0) return this.queue;
    return this.start({ files, skipped: 0 });
  }

  dismiss(): void {
    if (!this.busy) {
      this.phase = 'idle';
      this.report = null;
    }
  }

  // desktop shell (issue 7): an import main ran (menu, open-with, second launch, watched folder)
  /** Shows the report of an import that did not start in this window, and refreshes the views. */
  async showFinished(report: ImportReport): Promise<void> {
    if (!this.busy) {
      this.total = report.outcomes.length;
      this.done = report.outcomes.length;
      this.skipped = 0;
      this.report = report;
      this.phase = 'done';
    }
    await Promise.all([library.refresh(), briefing.load(), search.query.trim() ? search.run() : undefined]);
  }

  private async run(picked: Picked): Promise<void> {
    this.total = picked.files.length;
    this.done = 0;
    this.skipped = picked.skipped;
    this.current = null;
    this.cancelling = false;
    this.retryable = [];
    const retry: PickedFile[] = [];
    let report = emptyReport();
    this.report = report;
    this.phase = 'importing';
    let doneBefore = 0;
    const unsubscribe = on('import.progress', (p) => {
      this.done = Math.min(this.total, doneBefore + p.done);
      this.current = p.current;
    });
    try {
      for (const batch of batchFiles(picked.files)) {
        const { files, failed } = await readBatch(batch);
        let outcomes = failed;
        if (files.length > 0) {
          try {
            const answer = await call('articles.import', { files });
            outcomes = [...outcomes, ...answer.outcomes];
            if (answer.cancelled) report = { ...report, cancelled: true };
          } catch (e) {
            outcomes = [...outcomes, ...failAll(batch.filter((f) => files.some((x) => x.name === f.name)), toErrorData(e))];
          }
        }
        retry.push(...failedFiles(batch, files, outcomes));
        report = merge(report, outcomes);
        doneBefore += batch.length;
        this.done = doneBefore;
        if (this.cancelling && !report.cancelled) report = { ...report, cancelled: true };
        this.report = report;
        if (report.cancelled) break;
      }
    } finally {
      unsubscribe();
      this.retryable = retry;
      this.cancelling = false;
      this.current = null;
      this.phase = 'done';
    }
    await Promise.all([library.refresh(), briefing.load(), search.query.trim() ? search.run() : undefined,
      savedSearches.refresh()]);
  }
}

/**
 * The dropped files behind failed outcomes, holding the bytes already read (a file in a dropped folder may be gone
 * or changed by the time the user retries). An archive or mailbox with a failed item is retried as a whole.
 */
function failedFiles(batch: PickedFile[], read: FileBytes[], outcomes: ImportOutcome[]): PickedFile[] {
  const failed = outcomes.filter((o) => o.status === 'failed').map((o) => o.file);
  const isFailed = (name: string) => failed.some((f) => f === name || f.startsWith(`${name}/`) || f.startsWith(`${name}#`));
  return batch.filter((f) => isFailed(f.name)).map((f) => {
    const bytes = read.find((r) => r.name === f.name)?.bytes;
    return bytes ? { name: f.name, file: new File([bytes], f.file.name, { type: f.file.type }) } : f;
  });
}

function merge(report: ImportReport, outcomes: ImportOutcome[]): ImportReport {
  const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    outcomes: [...report.outcomes, ...outcomes],
    imported: report.imported + count('imported'),
    duplicates: report.duplicates + count('duplicate'),
    updated: (report.updated ?? 0) + count('updated'),
    failed: report.failed + count('failed'),
    cancelled: report.cancelled,
  };
}

export const importJob = new ImportJob();
