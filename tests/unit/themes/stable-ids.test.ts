// carryThemeIds: a recomputed theme takes the id of the old theme it shares most articles with.
import { describe, expect, test } from 'vitest';
import { carryThemeIds, type IdCarrier } from '../../../electron/themes/stable-ids.ts';

const before = (pairs: Record<string, number[]>) => new Map(Object.entries(pairs).flatMap(([id, arts]) => arts.map((a) => [a, id] as const)));

describe('carryThemeIds', () => {
  test('each recomputed theme keeps the id its articles had, even when it gained or lost some', () => {
    const fresh: IdCarrier[] = [{ id: 'new1', articleIds: [1, 2, 3, 9] }, { id: 'new2', articleIds: [4, 5] }];
    carryThemeIds(fresh, before({ tA: [1, 2, 3], tB: [4, 5, 6] }));
    expect(fresh.map((t) => t.id)).toEqual(['tA', 'tB']);
  });

  test('when a theme splits in two, the bigger part keeps the id and the other gets its own', () => {
    const fresh: IdCarrier[] = [{ id: 'small', articleIds: [1, 2] }, { id: 'big', articleIds: [3, 4, 5] }];
    carryThemeIds(fresh, before({ tA: [1, 2, 3, 4, 5] }));
    expect(fresh.map((t) => t.id)).toEqual(['small', 'tA']);
  });

  test('when two themes merge, the merged one takes the id of the larger, and no id is used twice', () => {
    const fresh: IdCarrier[] = [{ id: 'tA', articleIds: [1, 2, 3, 4, 5] }, { id: 'x', articleIds: [6] }];
    carryThemeIds(fresh, before({ tA: [1], tB: [2, 3, 4, 5], tC: [6] }));
    expect(fresh.map((t) => t.id)).toEqual(['tB', 'tC']);
    const clash: IdCarrier[] = [{ id: 'tB', articleIds: [7] }, { id: 'n', articleIds: [2, 3] }];
    carryThemeIds(clash, before({ tB: [2, 3] }));
    expect(clash.map((t) => t.id)).toEqual(['tB-2', 'tB']);
  });

  test('reserved ids (a split-off theme replayed by the user’s decision) are never carried to a computed theme', () => {
    const fresh: IdCarrier[] = [{ id: 'own', articleIds: [1, 2] }];
    carryThemeIds(fresh, before({ tSplit: [1, 2] }), new Set(['tSplit']));
    expect(fresh[0]!.id).toBe('own');
  });
});
