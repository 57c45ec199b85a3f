// Clustering agreement with reference labels: NMI and BCubed precision/recall/F1 (Amigó et al. 2009),
// plus purity. Used by the themes bench and the themes unit tests.

export interface Agreement { nmi: number; bcubedPrecision: number; bcubedRecall: number; bcubedF1: number; purity: number }

/** `clusters[i]` and `labels[i]` are the predicted cluster and the reference label of item i. */
export function agreement(clusters: readonly string[], labels: readonly string[]): Agreement {
  const n = clusters.length;
  if (n === 0) return { nmi: 0, bcubedPrecision: 0, bcubedRecall: 0, bcubedF1: 0, purity: 0 };
  const joint = new Map<string, number>();
  const byCluster = new Map<string, number>();
  const byLabel = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = clusters[i]!;
    const l = labels[i]!;
    joint.set(`${c}\u0000${l}`, (joint.get(`${c}\u0000${l}`) ?? 0) + 1);
    byCluster.set(c, (byCluster.get(c) ?? 0) + 1);
    byLabel.set(l, (byLabel.get(l) ?? 0) + 1);
  }
  const entropy = (m: Map<string, number>): number => [...m.values()].reduce((h, k) => h - (k / n) * Math.log(k / n), 0);
  let mi = 0;
  let precision = 0;
  let recall = 0;
  const bestInCluster = new Map<string, number>();
  for (const [key, k] of joint) {
    const [c, l] = key.split('\u0000') as [string, string];
    const nc = byCluster.get(c)!;
    const nl = byLabel.get(l)!;
    mi += (k / n) * Math.log((k * n) / (nc * nl));
    // Each of the k items sees k same-label items among its nc cluster mates and among its nl label mates.
    precision += (k * k) / nc;
    recall += (k * k) / nl;
    bestInCluster.set(c, Math.max(bestInCluster.get(c) ?? 0, k));
  }
  const hc = entropy(byCluster);
  const hl = entropy(byLabel);
  const nmi = hc + hl > 0 ? (2 * mi) / (hc + hl) : 1;
  precision /= n;
  recall /= n;
  const purity = [...bestInCluster.values()].reduce((a, b) => a + b, 0) / n;
  return { nmi, bcubedPrecision: precision, bcubedRecall: recall, bcubedF1: (2 * precision * recall) / (precision + recall), purity };
}
