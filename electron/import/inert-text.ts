// Metadata strings (titles, bylines, senders, feed names) come straight from files anyone can craft. They are
// stored and shown as plain text, and as a second line of defence they never keep markup: a field that
// holds "<img onerror=…>" is stored without the tag, and only web addresses are kept as source links.

/** The string without HTML tags; script and style elements go with their content. */
export function stripMarkup(s: string): string {
  return s
    .replace(/<\s*(script|style)\b[^>]*>[\s\S]*?(<\s*\/\s*\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<\s*\/?\s*[a-z][^>]*(>|$)/gi, ' ');
}

/** True for an http(s) address: the only kind Dossier keeps as a link (javascript:, data:, file: are dropped). */
export function isWebLink(link: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(link.trim());
}
