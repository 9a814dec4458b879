/**
 * li(x), the logarithmic integral, for x > 1 by Ramanujan's series:
 * li(x) = gamma + ln ln x + sqrt(x) * sum_{n>=1} (-1)^(n-1) (ln x)^n / (n! 2^(n-1))
 *         * sum_{k=0}^{floor((n-1)/2)} 1 / (2k + 1).
 * The terms shrink fast (about 60 for x = 2^53), so it is accurate to double precision.
 */
const EULER_GAMMA = 0.5772156649015329;

export function logarithmicIntegral(x: number): number {
  if (!(x > 1)) throw new RangeError(`li(x) is defined here for x > 1, not ${x}`);
  const ln = Math.log(x);
  let sum = 0;
  let power = 1; // (ln x)^n / (n! 2^(n-1)) with its sign
  let inner = 0; // sum of 1 / (2k + 1) for k <= (n - 1) / 2
  for (let n = 1; n < 200; n++) {
    power *= (n === 1 ? 1 : -1) * (ln / n) * (n === 1 ? 1 : 0.5);
    if ((n - 1) % 2 === 0) inner += 1 / n;
    const term = power * inner;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return EULER_GAMMA + Math.log(ln) + Math.sqrt(x) * sum;
}
