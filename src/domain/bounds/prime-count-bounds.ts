/**
 * Bounds on pi(x), the number of primes <= x, from Rosser & Schoenfeld (1962) and Dusart
 * (1999, 2010). Each formula holds from some x on; below the first threshold pi is counted
 * from a short table. Results are integers rounded outward, valid for every real x >= 0.
 */
const SMALL_PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71];
const TABLED_BELOW = 73;

/** An integer >= pi(x), for x >= 0. */
export function primeCountUpperBound(x: number): number {
  const n = wholePart(x);
  if (n < TABLED_BELOW) return smallPrimeCount(n);
  const ln = Math.log(n);
  // Dusart 2010, Thm. 6.9: for x >= 2,953,652,287.
  if (n >= 2_953_652_287) return Math.ceil((n / ln) * (1 + 1 / ln + 2.334 / (ln * ln))) + 1;
  // Dusart 1999: for x >= 355,991.
  if (n >= 355_991) return Math.ceil((n / ln) * (1 + 1 / ln + 2.51 / (ln * ln))) + 1;
  // Rosser & Schoenfeld 1962, (3.6): for x > 1.
  return Math.ceil((1.25506 * n) / ln) + 1;
}

/** An integer <= pi(x), for x >= 0. */
export function primeCountLowerBound(x: number): number {
  const n = wholePart(x);
  if (n < TABLED_BELOW) return smallPrimeCount(n);
  const ln = Math.log(n);
  // Dusart 2010, Thm. 6.9: for x >= 88,783.
  if (n >= 88_783) return Math.floor((n / ln) * (1 + 1 / ln + 2 / (ln * ln))) - 1;
  // Dusart 1999: for x >= 599.
  if (n >= 599) return Math.floor((n / ln) * (1 + 1 / ln)) - 1;
  // Rosser & Schoenfeld 1962, (3.5): for x >= 17.
  return Math.floor(n / ln) - 1;
}

/** pi of an integer n is pi of any x in [n, n + 1): the bounds work on floor(x). */
function wholePart(x: number): number {
  if (!(x >= 0) || x === Infinity) throw new RangeError(`${x} is not a finite number >= 0`);
  return Math.floor(x);
}

function smallPrimeCount(n: number): number {
  let count = 0;
  while (count < SMALL_PRIMES.length && SMALL_PRIMES[count] <= n) count++;
  return count;
}
