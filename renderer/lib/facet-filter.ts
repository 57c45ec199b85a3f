// The query filter a facet click adds: outlet:"Der Spiegel", lang:de, theme:"…", or a month as two date bounds.
export type FacetField = 'outlet' | 'language' | 'theme' | 'month';

function quoted(value: string): string {
  return `"${value.replace(/"/g, '').trim()}"`;
}

/** "2026-11" shifted by `delta` months ("2026-10", "2026-12"). */
function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function facetFilter(field: FacetField, value: string): string {
  switch (field) {
    case 'outlet': return `outlet:${quoted(value)}`;
    case 'language': return `lang:${value}`;
    case 'theme': return `theme:${quoted(value)}`;
    // after:YYYY-MM starts with the next month and before:YYYY-MM ends before that month: both bounds exclusive.
    case 'month': return `after:${shiftMonth(value, -1)} before:${shiftMonth(value, 1)}`;
  }
}
