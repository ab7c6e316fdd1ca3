/**
 * A small seeded pseudo-random generator, so bootstrap intervals and sample data come out the same
 * every run. Mulberry32 (Tommy Ettinger's 32-bit generator) is plenty for resampling days; it is not
 * for anything secret.
 *
 * @example const rand = seededRandom(42); rand() // → a number in [0, 1), the same every time
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from text (FNV-1a), so an experiment's id always gives the same resamples. */
export function seedFromText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A standard normal draw (Box–Muller). */
export function normalDraw(rand: Random): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A whole number in [0, n). */
export function intBelow(rand: Random, n: number): number {
  return Math.floor(rand() * n);
}
