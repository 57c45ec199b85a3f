// Batch search: a pasted list of names/terms or a loaded .txt/.csv file -> hit counts per term.
// The file is read here with the DOM's File API; parsing and searching happen in the main process.
import { call, toErrorData } from './api.ts';
import type { BatchSearchRow } from '../../electron/api.ts';

class BatchSearchState {
  text = $state('');
  /** Set when the text came from a .csv file: then only its first column counts. */
  csv = $state(false);
  fileName = $state<string | null>(null);
  rows = $state.raw<BatchSearchRow[] | null>(null);
  running = $state(false);
  error = $state.raw<{ code: string; message: string } | null>(null);

  setText(text: string): void {
    this.text = text;
    this.csv = false;
    this.fileName = null;
  }

  async load(file: File): Promise<void> {
    this.text = await file.text();
    this.csv = /\.csv$/i.test(file.name);
    this.fileName = file.name;
    await this.run(false);
  }

  async run(strictUmlauts: boolean): Promise<void> {
    if (!this.text.trim()) {
      this.rows = null;
      return;
    }
    this.running = true;
    try {
      this.rows = await call('search.batch', { text: this.text, csv: this.csv, strictUmlauts });
      this.error = null;
    } catch (e) {
      this.error = toErrorData(e);
    } finally {
      this.running = false;
    }
  }
}

export const batchSearch = new BatchSearchState();
