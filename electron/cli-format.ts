// Terminal rendering for the CLI: import reports, search hits with highlights, briefings, progress bar.
import type { Briefing, ImportOutcome, ImportProgress, ImportReport, SearchResult, Snippet, ArticleSummary, ThemeSummary } from './article.ts';

const useColor = () => !!process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColor() ? `\x1b[${code}m${s}\x1b[0m` : s);
export const bold = (s: string) => paint('1', s);
export const dim = (s: string) => paint('2', s);
const red = (s: string) => paint('31', s);

/** Highlights as reverse video on a terminal, «…» when piped. */
export function renderSnippet(s: Snippet): string {
  let out = '';
  let at = 0;
  for (const [start, end] of s.highlights) {
    out += s.text.slice(at, start) + (useColor() ? paint('7', s.text.slice(start, end)) : `«${s.text.slice(start, end)}»`);
    at = end;
  }
  return out + s.text.slice(at);
}

/** "text changed, 3 highlights re-attached, 1 detached": what a newer version did to a stored article (issue 6). */
export function describeUpdate(o: ImportOutcome): string {
  const u = o.update ?? { textChanged: true, reattached: 0, detached: 0 };
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  return [u.textChanged ? 'text changed' : 'metadata changed', `${n(u.reattached, 'highlight')} re-attached`, `${u.detached} detached`].join(', ');
}

export function renderImportReport(r: ImportReport): string {
  const lines = r.outcomes.map((o) => {
    if (o.status === 'imported') return `  imported   ${o.file}  → #${o.articleId} ${o.title ?? ''}`;
    if (o.status === 'updated') return `  updated    ${o.file}  → #${o.articleId} ${o.title ?? ''}  (${describeUpdate(o)})`;
    if (o.status === 'duplicate') return dim(`  duplicate  ${o.file}  (duplicate of #${o.duplicateOf?.id} “${o.duplicateOf?.title}”)`);
    return red(`  failed     ${o.file}: ${o.error?.message}`);
  });
  const updated = r.updated ? `, ${r.updated} updated` : '';
  lines.push('', `${r.imported} imported${updated}, ${r.duplicates} duplicate, ${r.failed} failed${r.cancelled ? ' (cancelled)' : ''}.`);
  return lines.join('\n');
}

export function renderSearch(r: SearchResult): string {
  if (r.hits.length === 0) return `No articles match ${JSON.stringify(r.query)} (${r.understood}).`;
  const lines = [dim(`${r.total} match${r.total === 1 ? '' : 'es'} — ${r.understood}`), ''];
  for (const h of r.hits) {
    lines.push(`${bold(`#${h.id} ${h.title}`)}  ${dim([h.outlet, h.publishedAt?.slice(0, 10), h.language].filter(Boolean).join(' · '))}`);
    for (const s of h.snippets) lines.push(`   ${s.field === 'note' ? dim('[your note] ') : ''}${renderSnippet(s)}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function renderBriefing(b: Briefing): string {
  const span = b.from ? `${b.from.slice(0, 10)} – ${b.to.slice(0, 10)}` : `until ${b.to.slice(0, 10)}`;
  if (b.themes.length === 0) return `No articles in this period (${span}).`;
  const lines = [bold(`Briefing ${span}`) + dim(` — ${b.articleCount} articles in ${b.themes.length} themes`), ''];
  for (const t of b.themes) {
    lines.push(bold(`■ ${t.pinned ? '📌 ' : ''}${t.label}`) + dim(`  ${t.articles.length} article${t.articles.length === 1 ? '' : 's'}`));
    if (t.entities.length) lines.push(dim(`   ${t.entities.slice(0, 8).map((e) => e.name).join(' · ')}`));
    for (const k of t.keyPoints.slice(0, 3)) lines.push(`   • ${k.text}  ${dim(`[#${k.articleId}]`)}`);
    const titles = new Map(t.articles.map((a) => [a.id, a]));
    for (const s of t.stories) {
      const a = titles.get(s.articleIds[0]!);
      const outlets = [...new Set(s.outlets)];
      const meta = [outlets.length > 1 ? `${outlets.length} outlets` : outlets[0], (a?.publishedAt ?? a?.importedAt ?? s.to).slice(0, 10)];
      lines.push(`   #${s.articleIds.join(', #')} ${s.label}  ${dim(meta.filter(Boolean).join(' · '))}`);
      if (s.alsoIn.length) lines.push(dim(`      also in: ${s.alsoIn.map((x) => x.outlet ?? `#${x.articleId}`).join(', ')}`));
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderList(items: ArticleSummary[]): string {
  if (items.length === 0) return 'The library is empty. Import files with: dossier import PATH…';
  return items.map((a) => `#${String(a.id).padEnd(5)} ${a.title}  ${dim([a.outlet, (a.publishedAt ?? a.importedAt).slice(0, 10),
    a.language, a.hasNote ? 'note' : ''].filter(Boolean).join(' · '))}`).join('\n');
}

/** One self-overwriting progress line on stderr (only on a terminal). */
export function progressLine(p: ImportProgress): string {
  const width = 28;
  const frac = p.total ? p.done / p.total : 0;
  const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
  const current = p.current ? `  ${p.current.length > 40 ? `…${p.current.slice(-39)}` : p.current}` : '';
  return `\r${bar} ${p.done}/${p.total}${p.failed ? `  ${p.failed} failed` : ''}${current}\x1b[K`;
}

/** Themes (issue 5): one line per theme with the id the `theme` commands take. */
export function renderThemeList(themes: ThemeSummary[]): string {
  if (themes.length === 0) return 'No themes yet: import some articles first.';
  return themes.map((t) => `${t.id.padEnd(9)} ${t.pinned ? '📌 ' : ''}${t.label}  ${dim([`${t.articleCount} article${t.articleCount === 1 ? '' : 's'}`,
    t.hidden ? 'hidden' : ''].filter(Boolean).join(' · '))}`).join('\n');
}
