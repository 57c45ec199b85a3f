// Briefing periods as a journalist names them ("24h", "7d", "today", "all", or a date) turned into dates.
import { DossierError } from './errors.ts';

export interface Period {
  from: Date | null;
  to: Date;
}

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

export function parsePeriod(since: string | undefined, now = new Date()): Period {
  const s = (since ?? '7d').trim().toLowerCase();
  if (s === 'all') return { from: null, to: now };
  if (s === 'today') {
    const from = new Date(now);
    from.setHours(0, 0, 0, 0);
    return { from, to: now };
  }
  const rel = /^(\d{1,4})\s*([hdw])$/.exec(s);
  if (rel) return { from: new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2] as keyof typeof UNIT_MS]), to: now };
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    const from = new Date(s);
    if (!Number.isNaN(from.getTime())) return { from, to: now };
  }
  throw new DossierError('briefing/bad-period',
    `"${since}" is not a period Dossier understands. Use e.g. 24h, 7d, 30d, today, all or a date like 2026-11-01.`);
}

/** A custom range of calendar days, both included (local time): "2026-11-20" to "2026-11-24". */
export function rangePeriod(from: string, to: string | undefined, now = new Date()): Period {
  const start = new Date(`${from}T00:00:00`);
  const end = to ? new Date(`${to}T23:59:59.999`) : now;
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) {
    throw new DossierError('briefing/bad-period', `The range ${from} to ${to ?? 'now'} is not valid: the end must not be before the start.`);
  }
  return { from: start, to: end };
}
