// Messages between the Library (main thread) and the import worker. Every message names its job.
import type { ImportOutcome, ImportProgress, ImportReport } from '../article.ts';
import type { ErrorData } from '../errors.ts';

export type ImportSource =
  | { kind: 'files'; files: Array<{ name: string; bytes: Uint8Array }> }
  | { kind: 'paths'; paths: string[] };

export interface ImportSettings {
  /** Files larger than this are refused with a message (default 200 MB). */
  maxFileBytes: number;
}

export type ToWorker =
  | { type: 'start'; jobId: string; dbFile: string; source: ImportSource; settings: ImportSettings }
  | { type: 'cancel'; jobId: string };

export type FromWorker =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'outcome'; jobId: string; outcome: ImportOutcome }
  | { type: 'done'; jobId: string; report: ImportReport }
  | { type: 'failed'; jobId: string; error: ErrorData };
