/**
 * Alpha and beta diversity with scikit-bio's definitions (skbio.diversity.alpha, 0.5.x):
 * Shannon H = −Σ pᵢ ln pᵢ (nats; bits = H / ln 2 — scikit-bio 0.5's default base is 2),
 * Simpson 1 − Σpᵢ², inverse Simpson (skbio `enspie`) 1 / Σpᵢ², observed taxa, Pielou J = H / ln S,
 * Chao1 bias-corrected S + F₁(F₁ − 1) / (2(F₂ + 1)) (Chao 1987, doi:10.2307/2531532; skbio's default),
 * and Bray–Curtis Σ|uᵢ − vᵢ| / Σ(uᵢ + vᵢ) (scipy.spatial.distance.braycurtis).
 */

export type Chao1 = { value: number } | { refused: string };

export interface AlphaDiversity {
  /** Shannon entropy in nats (natural log). */
  shannonNats: number;
  /** The same entropy in bits (log base 2), scikit-bio 0.5's default unit. */
  shannonBits: number;
  simpson: number;
  inverseSimpson: number;
  observed: number;
  /** Pielou's evenness; null with fewer than two taxa (ln 1 = 0). */
  pielou: number | null;
  chao1: Chao1;
}

/** All alpha measures of one sample's abundances (zeros allowed, negatives not). */
export function alphaDiversity(values: ArrayLike<number>, integerCounts: boolean): AlphaDiversity {
  let total = 0;
  let observed = 0;
  let singles = 0;
  let doubles = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > 0) {
      total += v;
      observed++;
      if (v === 1) singles++;
      else if (v === 2) doubles++;
    }
  }
  let entropy = 0;
  let dominance = 0;
  if (total > 0) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v > 0) {
        const p = v / total;
        entropy -= p * Math.log(p);
        dominance += p * p;
      }
    }
  }
  return {
    shannonNats: entropy,
    shannonBits: entropy / Math.LN2,
    simpson: total > 0 ? 1 - dominance : 0,
    inverseSimpson: total > 0 ? 1 / dominance : 0,
    observed,
    pielou: observed > 1 ? entropy / Math.log(observed) : null,
    chao1: integerCounts
      ? { value: observed + (singles * (singles - 1)) / (2 * (doubles + 1)) }
      : {
          refused:
            'Chao1 estimates unseen taxa from how many were seen exactly once or twice, so it needs raw read counts; this report holds relative abundances.',
        },
  };
}

/**
 * Bray–Curtis dissimilarity between two dense vectors of the same taxa (0 = identical, 1 = nothing
 * shared). Compare relative abundances when sequencing depths differ.
 */
export function brayCurtis(u: ArrayLike<number>, v: ArrayLike<number>): number {
  if (u.length !== v.length) throw new RangeError('Bray–Curtis needs vectors over the same taxa');
  let diff = 0;
  let sum = 0;
  for (let i = 0; i < u.length; i++) {
    const a = u[i]!;
    const b = v[i]!;
    diff += Math.abs(a - b);
    sum += a + b;
  }
  return sum === 0 ? 0 : diff / sum;
}

/** A sample as sorted taxon indexes with their non-zero values. */
export interface SparseSample {
  taxa: Uint32Array;
  values: Float64Array;
  total: number;
}

/**
 * Bray–Curtis for every pair of samples, condensed like scipy's `pdist` (pair (i, j), i < j, at
 * index n·i − i(i+1)/2 + j − i − 1). Uses Σ|u − v| = Σu + Σv − 2 Σmin(u, v), so each pair costs
 * only the shared non-zero taxa — microbiome tables are mostly zeros.
 */
export function brayCurtisAllPairs(samples: readonly SparseSample[], taxonCount: number): Float64Array {
  const n = samples.length;
  const out = new Float64Array((n * (n - 1)) / 2);
  const dense = new Float64Array(taxonCount);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const a = samples[i]!;
    for (let t = 0; t < a.taxa.length; t++) dense[a.taxa[t]!] = a.values[t]!;
    for (let j = i + 1; j < n; j++) {
      const b = samples[j]!;
      let shared = 0;
      const bt = b.taxa;
      const bv = b.values;
      for (let t = 0; t < bt.length; t++) {
        const x = dense[bt[t]!]!;
        const y = bv[t]!;
        shared += Math.min(x, y);
      }
      const sum = a.total + b.total;
      out[k++] = sum === 0 ? 0 : (sum - 2 * shared) / sum;
    }
    for (let t = 0; t < a.taxa.length; t++) dense[a.taxa[t]!] = 0;
  }
  return out;
}
