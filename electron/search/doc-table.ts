// The index's small per-document data, one slot per added document, in typed arrays: id, alive flag, field
// lengths (for ranking), date, language, outlet, note flag, tags and themes. Filters and facets read only this.

export const FIELDS = ['title', 'text', 'note'] as const;
export type Field = (typeof FIELDS)[number];

/** Interns strings to small numbers (languages, outlets, tags, themes). */
export class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  constructor(values: string[] = []) { for (const v of values) this.id(v); }
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) { id = this.values.length; this.values.push(value); this.ids.set(value, id); }
    return id;
  }
  find(value: string): number | undefined { return this.ids.get(value); }
}

export interface DocMeta {
  id: number; language: string; outlet: string | null; publishedAt: string | null; importedAt: string;
  hasNote: boolean; tags: string[]; themeIds: string[]; lengths: [number, number, number];
}

/** Seconds since the epoch of an ISO date or date-time; NaN when unreadable. */
export function isoSeconds(iso: string | null): number {
  if (!iso) return NaN;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(ms) ? NaN : Math.floor(ms / 1000);
}

export class DocTable {
  count = 0;
  liveCount = 0;
  ids = new Int32Array(1024);
  alive = new Uint8Array(1024);
  /** Word counts per field, slot * 3 + field. */
  lengths = new Uint32Array(3 * 1024);
  /** Published date, or the import date when unknown: seconds since the epoch. */
  dates = new Float64Array(1024);
  langs = new Uint16Array(1024);
  outlets = new Int32Array(1024);
  hasNote = new Uint8Array(1024);
  tags: Array<number[] | undefined> = [];
  themes: Array<number[] | undefined> = [];
  readonly languages = new Interner();
  readonly outletNames = new Interner();
  readonly tagNames = new Interner();
  readonly themeNames = new Interner();
  /** Sums of live documents' field lengths, for average lengths. */
  readonly lengthSums = [0, 0, 0];
  private readonly slotOf = new Map<number, number>();

  slot(id: number): number | undefined { return this.slotOf.get(id); }

  private grow(n: number): void {
    const g = <T extends Int32Array | Uint8Array | Uint32Array | Float64Array | Uint16Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a as never);
      return b;
    };
    this.ids = g(this.ids, n);
    this.alive = g(this.alive, n);
    this.lengths = g(this.lengths, 3 * n);
    this.dates = g(this.dates, n);
    this.langs = g(this.langs, n);
    this.outlets = g(this.outlets, n);
    this.hasNote = g(this.hasNote, n);
  }

  add(meta: DocMeta): number {
    const slot = this.count++;
    if (slot >= this.ids.length) this.grow(Math.max(1024, slot * 2));
    this.ids[slot] = meta.id;
    this.alive[slot] = 1;
    this.liveCount++;
    for (let f = 0; f < 3; f++) { this.lengths[slot * 3 + f] = meta.lengths[f]!; this.lengthSums[f]! += meta.lengths[f]!; }
    const published = isoSeconds(meta.publishedAt);
    this.dates[slot] = Number.isNaN(published) ? isoSeconds(meta.importedAt) : published;
    this.langs[slot] = this.languages.id(meta.language);
    this.outlets[slot] = meta.outlet ? this.outletNames.id(meta.outlet) : -1;
    this.hasNote[slot] = meta.hasNote ? 1 : 0;
    this.tags[slot] = meta.tags.length ? meta.tags.map((t) => this.tagNames.id(t.toLowerCase())) : undefined;
    this.themes[slot] = meta.themeIds.length ? meta.themeIds.map((t) => this.themeNames.id(t)) : undefined;
    this.slotOf.set(meta.id, slot);
    return slot;
  }

  /** Replaces a document's themes (they change on recompute and curation, its text does not); true if they changed. */
  setThemes(id: number, themeIds: readonly string[]): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const next = themeIds.length ? themeIds.map((t) => this.themeNames.id(t)) : undefined;
    const now = this.themes[slot];
    if ((now?.length ?? 0) === (next?.length ?? 0) && (next ?? []).every((t, i) => now![i] === t)) return false;
    this.themes[slot] = next;
    return true;
  }

  /** The ids of the live documents. */
  liveIds(): IterableIterator<number> { return this.slotOf.keys(); }

  remove(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    this.liveCount--;
    for (let f = 0; f < 3; f++) this.lengthSums[f]! -= this.lengths[slot * 3 + f]!;
    return true;
  }

  /** Average field length over live documents (at least 1, so empty fields never divide by zero). */
  averageLength(field: number): number {
    return Math.max(1, this.lengthSums[field]! / Math.max(1, this.liveCount));
  }

  /** Rebuilds the id map after loading or compaction. */
  reindex(): void {
    this.slotOf.clear();
    this.liveCount = 0;
    this.lengthSums.fill(0);
    for (let s = 0; s < this.count; s++) {
      if (!this.alive[s]) continue;
      this.slotOf.set(this.ids[s]!, s);
      this.liveCount++;
      for (let f = 0; f < 3; f++) this.lengthSums[f]! += this.lengths[s * 3 + f]!;
    }
  }

  /** A new table with only the live slots, and the old-to-new slot map (-1 for removed). */
  compact(): { table: DocTable; slotMap: Int32Array } {
    const table = new DocTable();
    const slotMap = new Int32Array(this.count).fill(-1);
    for (let s = 0; s < this.count; s++) {
      if (!this.alive[s]) continue;
      slotMap[s] = table.add(this.metaOf(s));
      table.dates[slotMap[s]!] = this.dates[s]!;
    }
    return { table, slotMap };
  }

  private metaOf(s: number): DocMeta {
    return {
      id: this.ids[s]!, language: this.languages.values[this.langs[s]!]!,
      outlet: this.outlets[s]! >= 0 ? this.outletNames.values[this.outlets[s]!]! : null,
      publishedAt: null, importedAt: '', hasNote: this.hasNote[s] === 1,
      tags: (this.tags[s] ?? []).map((t) => this.tagNames.values[t]!),
      themeIds: (this.themes[s] ?? []).map((t) => this.themeNames.values[t]!),
      lengths: [this.lengths[s * 3]!, this.lengths[s * 3 + 1]!, this.lengths[s * 3 + 2]!],
    };
  }
}
