/**
 * a mod b for exact integers 0 <= a <= 2^53 and 1 <= b < 2^31. The `%` operator is exact
 * too, but on doubles beyond 32 bits it is a slow library call; a rounded division and
 * one correction is several times faster, and exact while q * b stays below 2^53.
 */
export function exactRemainder(a: number, b: number): number {
  if (a + b > 2 ** 53) return a % b;
  const rem = a - Math.floor(a / b) * b;
  if (rem < 0) return rem + b;
  return rem >= b ? rem - b : rem;
}
