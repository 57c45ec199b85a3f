// Which links may leave the app: only http(s) web addresses, opened in the system browser after the
// user confirmed in the renderer. Everything else (file:, javascript:, custom schemes) is refused here in main.
import { DossierError } from '../errors.ts';

/** The normalised URL to hand to the system browser, or a links/not-web error. */
export function checkExternalUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new DossierError('links/not-web', `“${input.slice(0, 200)}” is not a web address, so Dossier will not open it.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DossierError('links/not-web', `Only web addresses (http, https) open in your browser; “${url.protocol}” links are blocked.`);
  }
  if (url.username || url.password) {
    throw new DossierError('links/not-web', 'Links carrying a user name or password are not opened: they are a common phishing trick.');
  }
  return url.href;
}
