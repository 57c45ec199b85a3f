// The window's size and position, remembered between launches in a small JSON file in userData, and
// checked against the displays present now, so a window never reopens on a monitor that was unplugged.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect { x: number; y: number; width: number; height: number }
export interface WindowState { bounds: Rect; maximized: boolean }

const int = z.number().int().min(-100_000).max(100_000);
const windowState = z.object({
  bounds: z.object({ x: int, y: int, width: int.positive(), height: int.positive() }),
  maximized: z.boolean(),
});

export const DEFAULT_SIZE = { width: 1280, height: 840 };
export const MIN_SIZE = { width: 760, height: 520 };
/** How much of the title bar area must lie on some display for the saved position to be used. */
const MIN_VISIBLE = 80;

export function loadWindowState(file: string): WindowState | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = windowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(state) + '\n');
  renameSync(`${file}.tmp`, file);
}

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  return {
    w: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    h: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open with: the saved ones if their top strip is visible on a display (size clamped to
 * that display's work area), else the saved size centred on the primary display, else the default size.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  const primary = workAreas[0];
  const clamp = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.max(MIN_SIZE.width, Math.min(size.width, area?.width ?? size.width)),
    height: Math.max(MIN_SIZE.height, Math.min(size.height, area?.height ?? size.height)),
  });
  if (!saved) return clamp(DEFAULT_SIZE, primary);
  const titleStrip: Rect = { ...saved.bounds, height: Math.min(40, saved.bounds.height) };
  const home = workAreas.find((area) => {
    const o = overlap(titleStrip, area);
    return o.w >= MIN_VISIBLE && o.h > 0;
  });
  if (home) {
    const size = clamp(saved.bounds, home);
    return {
      ...size,
      x: Math.min(Math.max(saved.bounds.x, home.x), home.x + home.width - size.width),
      y: Math.min(Math.max(saved.bounds.y, home.y), home.y + home.height - size.height),
    };
  }
  const size = clamp(saved.bounds, primary);
  if (!primary) return size;
  return {
    ...size,
    x: primary.x + Math.round((primary.width - size.width) / 2),
    y: primary.y + Math.round((primary.height - size.height) / 2),
  };
}
