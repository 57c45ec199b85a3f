// The packaged app loads index.html from file://, so the built page must carry the CSP itself.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.ts';
import { repoRoot } from '../helpers.ts';

describe('the built renderer page', () => {
  test('carries the app’s content security policy as its first meta tag, and no inline script', () => {
    const file = join(repoRoot, 'dist/renderer/index.html');
    if (!existsSync(file)) throw new Error('dist/renderer is missing: run npm run build first');
    const html = readFileSync(file, 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]?.replace(/&#39;/g, "'")).toBe(CONTENT_SECURITY_POLICY);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
