// Umlaut folding that remembers where each folded character came from, so a compound part found in an
// index key ("angriff" in "raketenangriff") can be highlighted on the original word ("Raketenangriffen").
// Must fold exactly like analyze.ts's foldUmlauts (after joiners are dropped, as termKey does).

export function foldWithOrigins(term: string): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  const push = (s: string, origin: number) => { for (const c of s) { folded += c; origins.push(origin); } };
  const chars = term.replace(/['-]/g, '\0');
  let prev = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\0') continue;
    const next = chars.slice(i + 1).replace(/^\0+/, '')[0];
    if (c === 'ß') push('ss', i);
    else if (next === 'e' && ((c === 'u' && prev !== 'q') || c === 'a' || c === 'o')) {
      push(c, i);
      i = chars.indexOf('e', i + 1);
    } else push(c.normalize('NFD').replace(/\p{M}/gu, ''), i);
    prev = c;
  }
  origins.push(chars.length);
  return { folded, origins };
}
