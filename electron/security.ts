// The security policy of the app window, in one place: main.ts applies it, the e2e harness serves
// the renderer under the same header so that a violation fails a test there too.

/** No network (no connect-src), scripts and styles only from the app itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Requests the app's own session may make: its bundled files and devtools, nothing off the machine. */
export function isLocalRequest(url: string): boolean {
  return /^(file|devtools|data|blob|chrome-extension):/i.test(url);
}
