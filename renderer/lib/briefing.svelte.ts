// The briefing on screen: the chosen period and the themes the main process built for it.
import { call, toErrorData } from './api.ts';
import type { Briefing } from '../../electron/api.ts';

export type Period = '24h' | '7d' | '30d' | 'all';
export const periods: Period[] = ['24h', '7d', '30d', 'all'];

class BriefingState {
  period = $state<Period>('7d');
  briefing = $state.raw<Briefing | null>(null);
  loading = $state(false);
  error = $state.raw<{ code: string; message: string } | null>(null);
  private seq = 0;

  async load(): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const briefing = await call('briefing.build', { since: this.period });
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

  dismissError(): void {
    this.error = null;
  }
}

export const briefing = new BriefingState();
