// Saves and restores the per-document table inside the index file: typed arrays as sections, interned
// names and the sparse tag/theme lists as JSON in the header.
import { DocTable, Interner } from './doc-table.ts';

type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

interface DocsMeta {
  count: number; languages: string[]; outlets: string[]; tags: string[]; themes: string[];
  /** [slot, ids] pairs for the few documents with tags / themes. */
  docTags: Array<[number, number[]]>; docThemes: Array<[number, number[]]>;
}

export function saveDocs(d: DocTable): { meta: DocsMeta; sections: Record<string, Typed> } {
  const n = d.count;
  const sparse = (lists: Array<number[] | undefined>) => lists.flatMap((l, s) => (l && s < n ? [[s, l] as [number, number[]]] : []));
  return {
    meta: {
      count: n, languages: d.languages.values, outlets: d.outletNames.values, tags: d.tagNames.values, themes: d.themeNames.values,
      docTags: sparse(d.tags), docThemes: sparse(d.themes),
    },
    sections: {
      docIds: d.ids.subarray(0, n), docAlive: d.alive.subarray(0, n), docLengths: d.lengths.subarray(0, 3 * n),
      docDates: d.dates.subarray(0, n), docLangs: d.langs.subarray(0, n), docOutlets: d.outlets.subarray(0, n),
      docHasNote: d.hasNote.subarray(0, n),
    },
  };
}

function section<T extends Typed>(sections: Record<string, Typed>, name: string, Ctor: new (...a: never[]) => T, length: number): T {
  const a = sections[name];
  if (!(a instanceof Ctor) || a.length !== length) throw new Error(`section ${name}`);
  return a;
}

export function restoreDocs(raw: unknown, sections: Record<string, Typed>): DocTable {
  const meta = raw as DocsMeta;
  if (!meta || typeof meta.count !== 'number' || !Array.isArray(meta.languages)) throw new Error('docs meta');
  const n = meta.count;
  const d = new DocTable();
  d.count = n;
  d.ids = section(sections, 'docIds', Int32Array, n);
  d.alive = section(sections, 'docAlive', Uint8Array, n);
  d.lengths = section(sections, 'docLengths', Uint32Array, 3 * n);
  d.dates = section(sections, 'docDates', Float64Array, n);
  d.langs = section(sections, 'docLangs', Uint16Array, n);
  d.outlets = section(sections, 'docOutlets', Int32Array, n);
  d.hasNote = section(sections, 'docHasNote', Uint8Array, n);
  const intern = (target: Interner, values: string[]) => { for (const v of values) target.id(v); };
  intern(d.languages, meta.languages);
  intern(d.outletNames, meta.outlets);
  intern(d.tagNames, meta.tags);
  intern(d.themeNames, meta.themes);
  for (const [s, l] of meta.docTags) d.tags[s] = l;
  for (const [s, l] of meta.docThemes) d.themes[s] = l;
  d.reindex();
  return d;
}
