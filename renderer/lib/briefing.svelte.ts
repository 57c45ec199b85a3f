// The briefing on screen: the chosen period (or custom range), the themes the main process built for it, the
// entity filter, and the user's curation (rename, pin, hide, merge, move) and export of the briefing.
import { call, toErrorData } from './api.ts';
import type { Briefing, Theme, ThemeDecision } from '../../electron/api.ts';

export type Period = 'today' | '24h' | '7d' | '30d' | 'all' | 'custom';
export const periods: Period[] = ['today', '24h', '7d', '30d', 'all', 'custom'];

const isoDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

class BriefingState {
  period = $state<Period>('7d');
  /** The custom range, as calendar days (YYYY-MM-DD). */
  from = $state(isoDay(new Date(Date.now() - 6 * 86_400_000)));
  to = $state(isoDay(new Date()));
  briefing = $state.raw<Briefing | null>(null);
  loading = $state(false);
  error = $state.raw<{ code: string; message: string } | null>(null);
  /** The entity chip the user clicked: only themes naming it are shown. */
  entity = $state.raw<{ key: string; name: string } | null>(null);
  private seq = 0;

  /** The themes shown: all, or those naming the chosen entity. */
  readonly themes: Theme[] = $derived.by(() => {
    const all = this.briefing?.themes ?? [];
    const e = this.entity;
    return e ? all.filter((t) => t.entities.some((x) => x.key === e.key)) : all;
  });

  private request(): { since?: string; from?: string; to?: string } {
    return this.period === 'custom' ? { from: this.from, to: this.to } : { since: this.period };
  }

  async load(): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const briefing = await call('briefing.build', this.request());
      if (seq !== this.seq) return;
      this.briefing = briefing;
      this.error = null;
    } catch (e) {
      if (seq === this.seq) this.error = toErrorData(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  setPeriod(period: Period): Promise<void> {
    this.period = period;
    return this.load();
  }

  setRange(from: string, to: string): Promise<void> {
    this.from = from;
    this.to = to;
    this.period = 'custom';
    return this.load();
  }

  filterBy(entity: { key: string; name: string } | null): void {
    this.entity = entity && this.entity?.key === entity.key ? null : entity;
  }

  /** Stores one curation decision and shows the briefing as it now is. */
  async decide(decision: ThemeDecision): Promise<void> {
    try {
      await call('themes.decide', decision);
      await this.load();
    } catch (e) {
      this.error = toErrorData(e);
    }
  }

  /** The briefing as a Markdown or HTML document, with a file name for saving it. */
  async exportAs(format: 'markdown' | 'html'): Promise<{ name: string; text: string; type: string } | null> {
    try {
      const text = await call('briefing.export', { ...this.request(), format });
      const day = isoDay(new Date());
      return format === 'markdown'
        ? { name: `briefing-${day}.md`, text, type: 'text/markdown' }
        : { name: `briefing-${day}.html`, text, type: 'text/html' };
    } catch (e) {
      this.error = toErrorData(e);
      return null;
    }
  }

  dismissError(): void {
    this.error = null;
  }
}

export const briefing = new BriefingState();
