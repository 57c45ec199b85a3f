// Note preview: Markdown through `marked`, then DOMPurify with a strict allow-list. Images, styles
// and forms are dropped (offline app under a strict CSP); links stay readable but do not navigate.
import { marked } from 'marked';
import DOMPurify from 'dompurify';

const purify = DOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href');
    node.removeAttribute('href');
    if (href) node.setAttribute('title', href);
  }
});

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 's', 'code', 'pre',
  'blockquote', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input',
];

/** Safe HTML for a note body; never contains scripts, style attributes, images or live links. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['title', 'type', 'checked', 'disabled', 'align', 'start'],
    ALLOW_DATA_ATTR: false,
  });
}
