// Dates and numbers as a reader of each UI language expects them: the formatters behind `fmt` in
// renderer/lib/settings.svelte.ts, which every date and count on screen goes through.
import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatMonth, formatNumber, translate } from '../../renderer/lib/i18n.ts';

describe('dates and numbers per UI language', () => {
  test('German dates read "25. Nov. 2026", English ones "Nov 25, 2026"', () => {
    expect(formatDate('de', '2026-11-25')).toBe('25. Nov. 2026');
    expect(formatDate('en', '2026-11-25')).toBe('Nov 25, 2026');
    expect(formatMonth('de', '2026-03')).toBe('März 2026');
    expect(formatMonth('en', '2026-03')).toBe('March 2026');
  });

  test('a calendar date stays on its day whatever the time zone, and a date with a time shows it', () => {
    // Date-only ISO strings are parsed in local time; parsing them as UTC would show 31 Dec west of Greenwich.
    expect(formatDate('de', '2027-01-01')).toBe('1. Jan. 2027');
    const withTime = formatDateTime('de', new Date(2026, 10, 25, 14, 5).toISOString());
    expect(withTime).toContain('25.11.2026');
    expect(withTime).toContain('14:05');
  });

  test('counts use the language\'s digit grouping, also inside messages', () => {
    expect(formatNumber('de', 1234)).toBe('1.234');
    expect(formatNumber('en', 1234)).toBe('1,234');
    expect(translate('de', 'desktop.blocked', { count: 1234 })).toBe('1.234 Anfragen nach außen wurden blockiert');
    expect(translate('en', 'desktop.blocked', { count: 1 })).toBe('1 request off this computer was blocked');
  });

  test('a missing or unreadable date says so instead of showing garbage', () => {
    expect(formatDate('de', null)).toBe(translate('de', 'common.noDate'));
    expect(formatDate('en', 'sometime in spring')).toBe('sometime in spring');
    expect(formatMonth('en', 'unknown')).toBe('unknown');
  });
});
