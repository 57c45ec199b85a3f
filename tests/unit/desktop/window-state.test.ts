// The window comes back where it was, unless that place is no longer on any display.
import { describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SIZE, loadWindowState, MIN_SIZE, restoreBounds, saveWindowState } from '../../../electron/desktop/window-state.ts';
import { tempDir } from '../../helpers.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('remembered window bounds', () => {
  test('a window saved on the second monitor reopens there when it is still attached', () => {
    const saved = { bounds: { x: 1600, y: 0, width: 1400, height: 1000 }, maximized: false };
    expect(restoreBounds(saved, [laptop, monitor])).toEqual(saved.bounds);
  });

  test('when that monitor is unplugged the window is centred on the primary display and fits it', () => {
    const saved = { bounds: { x: 1600, y: 0, width: 1400, height: 1000 }, maximized: false };
    const b = restoreBounds(saved, [laptop]);
    expect(b.width).toBeLessThanOrEqual(laptop.width);
    expect(b.height).toBeLessThanOrEqual(laptop.height);
    expect(b.x! + b.width).toBeLessThanOrEqual(laptop.width);
    expect(b.y).toBeGreaterThanOrEqual(0);
  });

  test('a window hanging off the bottom edge is pulled back so its title bar is reachable', () => {
    const saved = { bounds: { x: 100, y: 700, width: 1000, height: 700 }, maximized: false };
    const b = restoreBounds(saved, [laptop]);
    expect(b.y! + b.height).toBeLessThanOrEqual(laptop.height);
    expect(b.x).toBe(100);
  });

  test('no saved state gives the default size, never below the minimum', () => {
    expect(restoreBounds(null, [laptop])).toEqual({ width: DEFAULT_SIZE.width, height: Math.min(DEFAULT_SIZE.height, laptop.height) });
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 640, height: 480 }])).toEqual(MIN_SIZE);
  });

  test('the state file round-trips, and a damaged or foreign file is ignored', () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'window-state.json');
      expect(loadWindowState(file)).toBeNull();
      saveWindowState(file, { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true });
      expect(loadWindowState(file)).toEqual({ bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true });
      writeFileSync(file, '{"bounds":{"x":"left"}');
      expect(loadWindowState(file)).toBeNull();
      writeFileSync(file, JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false }));
      expect(loadWindowState(file)).toBeNull();
    } finally {
      t.cleanup();
    }
  });
});
