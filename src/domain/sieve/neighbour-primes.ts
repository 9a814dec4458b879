/**
 * The primes next to a value: nextPrime(n), the smallest prime > n, and previousPrime(n), the
 * largest prime < n, for 0 <= n <= 2^64 - 1.
 *
 * Prime gaps stay short (1,550 at most below 2^64, 44 on average near it), while sieving even
 * a short window needs every prime up to sqrt(n): up to 203 million of them near 2^64, and
 * still some 6,500 crossings-off set up per window near 2^32 (about a millisecond). So from
 * 2^16 up, a window of CANDIDATE_SPAN numbers is cleared of the multiples of the primes below
 * 2^10 (all below the window, so none clears itself) and the survivors are tested in order
 * by the injected primality test: about one number in eight survives, some six tests per
 * answer, a few microseconds each. Below 2^16 a window is sieved.
 */
import { primesInWindow } from './prime-window';
import { primesUpTo } from './simple-sieve';

const MAX_VALUE = 2n ** 64n - 1n;
const SIEVE_BELOW = 2n ** 16n;
const CANDIDATE_SPAN = 1024;
const SIEVED_SPAN = 1n << 12n;
const SMALL_PRIMES = primesUpTo(1 << 10);

/** The smallest prime > n, or undefined if there is none below 2^64 (n >= 2^64 - 59). */
export function nextPrime(n: bigint, isPrime: (m: bigint) => boolean): bigint | undefined {
  assertValue(n);
  let lo = n + 1n;
  while (lo < SIEVE_BELOW) {
    const hi = lo + SIEVED_SPAN - 1n;
    const [prime] = primesInWindow(lo, hi, 1);
    if (prime !== undefined) return prime;
    lo = hi + 1n;
  }
  while (lo <= MAX_VALUE) {
    const span =
      lo + BigInt(CANDIDATE_SPAN) - 1n > MAX_VALUE ? Number(MAX_VALUE - lo) + 1 : CANDIDATE_SPAN;
    const survivors = candidates(lo, span);
    for (let i = 0; i < span; i++) {
      if (survivors[i] !== 0 && isPrime(lo + BigInt(i))) return lo + BigInt(i);
    }
    lo += BigInt(span);
  }
  return undefined;
}

/** The largest prime < n, or undefined if there is none (n <= 2). */
export function previousPrime(n: bigint, isPrime: (m: bigint) => boolean): bigint | undefined {
  assertValue(n);
  let hi = n - 1n;
  while (hi >= SIEVE_BELOW) {
    const lo =
      hi - BigInt(CANDIDATE_SPAN) + 1n < SIEVE_BELOW
        ? SIEVE_BELOW
        : hi - BigInt(CANDIDATE_SPAN) + 1n;
    const span = Number(hi - lo) + 1;
    const survivors = candidates(lo, span);
    for (let i = span - 1; i >= 0; i--) {
      if (survivors[i] !== 0 && isPrime(lo + BigInt(i))) return lo + BigInt(i);
    }
    hi = lo - 1n;
  }
  while (hi >= 2n) {
    const lo = hi >= SIEVED_SPAN ? hi - SIEVED_SPAN + 1n : 0n;
    const primes = primesInWindow(lo, hi, Number(SIEVED_SPAN));
    if (primes.length > 0) return primes[primes.length - 1];
    hi = lo - 1n;
  }
  return undefined;
}

function assertValue(n: bigint): void {
  if (n < 0n || n > MAX_VALUE) throw new RangeError(`${n} must lie within [0, 2^64 - 1]`);
}

/**
 * One byte per number of [lo, lo + span), lo >= 2^16: 1 where no prime below 2^10 divides
 * it. lo mod p comes from lo's 16-bit digits (Horner's rule, every step far below 2^53).
 */
function candidates(lo: bigint, span: number): Uint8Array {
  const survivors = new Uint8Array(span).fill(1);
  const digits = [48n, 32n, 16n, 0n].map((shift) => Number((lo >> shift) & 0xffffn));
  for (const p of SMALL_PRIMES) {
    let rem = 0;
    for (const digit of digits) rem = (rem * 65536 + digit) % p;
    for (let i = rem === 0 ? 0 : p - rem; i < span; i += p) survivors[i] = 0;
  }
  return survivors;
}
