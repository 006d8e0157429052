// The median of a list of numbers (the mean of the middle two for an even count); the benchmarks'
// one summary of repeated timings. values: a non-empty array (not changed).
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
