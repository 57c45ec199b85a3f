// The filter a facet click adds to the query; each one is checked against the real query parser.
import { describe, expect, test } from 'vitest';
import { facetFilter } from '../../../renderer/lib/facet-filter.ts';
import { parseQuery } from '../../../electron/search/query.ts';
import { describeQuery } from '../../../electron/search/query-describe.ts';

const understood = (q: string) => describeQuery(parseQuery(q, new Date('2026-11-25T12:00:00Z')));

describe('facet filters', () => {
  test.each([
    ['outlet', 'Der Spiegel', 'outlet:"Der Spiegel"', /outlet "Der Spiegel"/],
    ['language', 'de', 'lang:de', /German/],
    ['theme', 'Krieg in der Ukraine', 'theme:"Krieg in der Ukraine"', /theme/],
    ['month', '2026-11', 'after:2026-10 before:2026-12', /after 2026-10, before 2026-12/],
    ['month', '2026-01', 'after:2025-12 before:2026-02', /after 2025-12/],
    ['month', '2025-12', 'after:2025-11 before:2026-01', /before 2026-01/],
  ] as const)('%s %s -> %s, which the parser reads', (field, value, filter, reads) => {
    expect(facetFilter(field, value)).toBe(filter);
    expect(understood(`Kursk ${filter}`)).toMatch(reads);
  });

  test('quotes inside an outlet name cannot break the query', () => {
    const f = facetFilter('outlet', 'Radio "Free" Europe');
    expect(f).toBe('outlet:"Radio Free Europe"');
    expect(() => parseQuery(f, new Date())).not.toThrow();
  });
});
