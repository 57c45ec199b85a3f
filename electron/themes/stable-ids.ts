// Theme ids that survive a full recompute. A fresh build names each theme after its members, so without this
// every recompute would hand out new ids and break what refers to a theme by id: a saved `theme:` search, a
// link in an exported note, a note on the theme. Each new theme takes the id of the old theme it shares the
// most articles with (each old id goes to one new theme at most, the biggest overlap first).

export interface IdCarrier {
  id: string;
  articleIds: readonly number[];
}

/**
 * Renames `fresh` themes (in place) to the ids their articles had before: `before` maps article id → theme id.
 * `reserved` ids are never carried over (ids that replayed decisions create themselves, such as a split-off
 * theme's). Themes with no predecessor keep their own id. Deterministic for the same input.
 */
export function carryThemeIds(fresh: IdCarrier[], before: ReadonlyMap<number, string>, reserved: ReadonlySet<string> = new Set()): void {
  const pairs: Array<{ theme: number; old: string; overlap: number }> = [];
  fresh.forEach((t, theme) => {
    const counts = new Map<string, number>();
    for (const id of t.articleIds) {
      const old = before.get(id);
      if (old !== undefined && !reserved.has(old)) counts.set(old, (counts.get(old) ?? 0) + 1);
    }
    for (const [old, overlap] of counts) pairs.push({ theme, old, overlap });
  });
  pairs.sort((a, b) => b.overlap - a.overlap || a.theme - b.theme || (a.old < b.old ? -1 : a.old > b.old ? 1 : 0));
  const taken = new Set<string>();
  const named = new Set<number>();
  for (const p of pairs) {
    if (taken.has(p.old) || named.has(p.theme)) continue;
    taken.add(p.old);
    named.add(p.theme);
    fresh[p.theme]!.id = p.old;
  }
  // A theme left with its own member-derived id could collide with an id just carried over to another theme.
  fresh.forEach((t, i) => {
    if (named.has(i)) return;
    let id = t.id;
    for (let n = 2; taken.has(id) || reserved.has(id); n++) id = `${t.id}-${n}`;
    t.id = id;
    taken.add(id);
  });
}
