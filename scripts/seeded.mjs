// The seeded random numbers every sample-data generator in scripts/ draws from, so that each committed sample
// can be rewritten byte for byte from its seed.

/** mulberry32: small, fast, and good enough for invented data. Returns a function giving numbers in [0, 1). */
export function rng(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of `list`, chosen with `random`. */
export const picker = (random) => (list) => list[Math.floor(random() * list.length)];
