// Messages between the Library (main thread) and the import worker. Every message names its job.
import type { ImportOutcome, ImportProgress, ImportReport } from '../article.ts';
import type { ErrorData } from '../errors.ts';
import type { TextKeys } from './fingerprint.ts';
import type { ParsedItem } from './parse-file.ts';

export type ImportSource =
  | { kind: 'files'; files: Array<{ name: string; bytes: Uint8Array }> }
  | { kind: 'paths'; paths: string[] };

export interface ImportSettings {
  /** Files larger than this are refused with a message (default 200 MB). */
  maxFileBytes: number;
  /** A file whose parse takes longer than this fails alone with import/timeout (default 30 s). */
  parseTimeoutMs?: number;
  /** Test-only: files with these names hang their parser (see ParseTask.hangForTests). */
  hangOnNamesForTests?: string[];
}

export type ToWorker =
  | { type: 'start'; jobId: string; dbFile: string; source: ImportSource; settings: ImportSettings }
  | { type: 'cancel'; jobId: string };

export type FromWorker =
  | ({ type: 'progress' } & ImportProgress)
  /** Outcomes in the order the files were given; one message per stored batch (each message wakes the receiver). */
  | { type: 'outcomes'; jobId: string; outcomes: ImportOutcome[] }
  | { type: 'done'; jobId: string; report: ImportReport }
  | { type: 'failed'; jobId: string; error: ErrorData };

// --- import: parse pool (import worker <-> parse threads) ---
/** One file for a parse thread: read from disk by the thread itself (no copy between threads) or given as bytes. */
export interface ParseTask {
  id: number;
  name: string;
  source: { path: string } | { bytes: Uint8Array };
  size: number;
  maxBytes: number;
  /** Test-only: the parser spins forever on this file, to prove the time limit interrupts a stuck parse. */
  hangForTests?: boolean;
}

/** A parsed item as the parse threads send it: an article comes with the keys the store needs (see textKeys). */
export type KeyedItem = ParsedItem & { keys?: TextKeys };

export type FromParser =
  | { type: 'ready' }
  /** A reader module had to be loaded first (PDF): the parse is timed from here. Other files are timed from dispatch. */
  | { type: 'started'; id: number }
  | { type: 'parsed'; id: number; items: KeyedItem[] };
