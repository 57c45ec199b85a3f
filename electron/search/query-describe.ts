// Puts a parsed query back into words, so the UI can show how a query was understood
// ("all of: Kursk, Angriff; without: Belgorod; in the last 7 days").
import type { ParsedQuery, QueryNode } from './query.ts';

const LANGUAGES: Record<string, string> = { de: 'German', en: 'English', fr: 'French', es: 'Spanish', it: 'Italian', nl: 'Dutch' };

function describeNode(n: QueryNode, nested: boolean): string {
  switch (n.type) {
    case 'word': {
      let s = n.text + (n.prefix ? '*' : '');
      if (n.fuzzy) s += ` (up to ${n.fuzzy} typo${n.fuzzy > 1 ? 's' : ''})`;
      if (n.strict) s += ' (umlauts exact)';
      return n.field === 'title' ? `${s} in the title` : n.field === 'note' ? `${s} in your note` : s;
    }
    case 'phrase': {
      const s = `"${n.text}"`;
      return n.field === 'title' ? `${s} in the title` : n.field === 'note' ? `${s} in your note` : s;
    }
    case 'filter':
      if (n.name === 'has') return 'with a note';
      if (n.name === 'lang') return `in ${LANGUAGES[n.value] ?? n.value}`;
      if (n.name === 'outlet') return `from outlet "${n.value}"`;
      if (n.name === 'theme') return `in theme ${n.value}`;
      return `tagged ${n.value}`;
    case 'date':
      return n.label;
    case 'not':
      return `without ${describeNode(n.child, true)}`;
    case 'and': {
      const positives = n.children.filter((c) => c.type !== 'not');
      const negatives = n.children.filter((c): c is Extract<QueryNode, { type: 'not' }> => c.type === 'not');
      let s = positives.length === 1 ? describeNode(positives[0]!, nested)
        : positives.length > 1 ? `all of: ${positives.map((c) => describeNode(c, true)).join(', ')}` : 'everything';
      if (negatives.length > 0) s += `; without: ${negatives.map((c) => describeNode(c.child, true)).join(', ')}`;
      return nested ? `(${s})` : s;
    }
    case 'or': {
      const s = `any of: ${n.children.map((c) => describeNode(c, true)).join(' | ')}`;
      return nested ? `(${s})` : s;
    }
  }
}

/** The query in words: "all of: Kursk, Angriff; without: Belgorod". */
export function describeQuery(p: ParsedQuery): string {
  let s = p.root ? describeNode(p.root, false) : 'everything';
  if (p.sort === 'date') s += ', newest first';
  return s;
}
