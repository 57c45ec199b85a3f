// Messages between the Library (main thread) and the import worker. Every message names its job.
import type { ImportOutcome, ImportProgress, ImportReport } from '../article.ts';
import type { ErrorData } from '../errors.ts';
import type { FileDigest } from '../../db/file-digests.ts';
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
  | { type: 'cancel'; jobId: string }
  /** An import is about to come: start the first parse thread and load the database side now (see prepareImportWorker). */
  | { type: 'prepare'; parseTimeoutMs?: number };

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
  /**
   * SHA-256 digests of the recorded files of this size (see known-files.ts). The thread reads the file anyway: when
   * its bytes have one of these digests it answers with that digest instead of parsing it.
   */
  recorded?: string[];
  /** Test-only: the parser spins forever on this file, to prove the time limit interrupts a stuck parse. */
  hangForTests?: boolean;
}

/**
 * A parsed item as the parse threads send it: an article comes with the keys the store needs (see textKeys), and,
 * when it is the one article of its file, with the file's digest (recorded with it, see db/file-digests.ts).
 */
export type KeyedItem = ParsedItem & { keys?: TextKeys; file?: FileDigest };

/** What a parse thread answers for one file: its items, or the recorded digest its bytes have (see ParseTask.recorded). */
export type ParseAnswer = KeyedItem[] | { sameBytesAs: string };

/** A file recognised by its bytes before parsing (see known-files.ts): not parsed, a duplicate of the article it gave. */
export interface SameBytesItem { name: string; sameBytes: { duplicateOf: { id: number; title: string }; title: string } }

/** What the import worker hands the store, in the files' order. */
export type StoreItem = KeyedItem | SameBytesItem;

/** Several files for one parse thread in one message (each message wakes a thread); parsed in turn, answered together. */
export interface ParseGroup {
  tasks: ParseTask[];
}

export type FromParser =
  | { type: 'ready' }
  /** The items of each file of one group, in the group's order. */
  | { type: 'parsed'; answers: Array<{ id: number; items: ParseAnswer }> };

/**
 * Shared memory between the pool and one parse thread (workerData.progress, a BigInt64Array): the id of the file the
 * thread is on and when its clock started (Date.now()). The pool times each file and finds a stuck or crashed one
 * from it without a message per file. The thread writes the time first, then the id.
 */
export const PROGRESS_ID = 0;
export const PROGRESS_SINCE = 1;
export const PROGRESS_SLOTS = 2;
