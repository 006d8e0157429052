// mulberry32, a small well-known 32-bit PRNG: the test generators draw from it so that the same
// seed always gives the same inputs (no Math.random anywhere in a generated test set).
// mulberry32(seed) → () => a number in [0, 1).
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
