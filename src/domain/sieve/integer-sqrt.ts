/** floor(sqrt(n)) for an exact integer 0 <= n <= 2^53, corrected for rounding of Math.sqrt. */
export function integerSqrt(n: number): number {
  let r = Math.floor(Math.sqrt(n));
  while (r * r > n) r--;
  while ((r + 1) * (r + 1) <= n) r++;
  return r;
}
