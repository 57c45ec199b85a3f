// A count of requests the session refused because they would have left the machine, with the last few URLs,
// shown in About so a user can see that something in an imported page tried.
import type { BlockedRequests } from './contract.ts';

export class BlockedRequestLog {
  private count = 0;
  private readonly last: string[] = [];

  constructor(private readonly keep = 20) {}

  record(url: string): void {
    this.count += 1;
    this.last.push(url.length > 300 ? `${url.slice(0, 300)}…` : url);
    if (this.last.length > this.keep) this.last.shift();
  }

  snapshot(): BlockedRequests {
    return { count: this.count, last: [...this.last] };
  }
}
