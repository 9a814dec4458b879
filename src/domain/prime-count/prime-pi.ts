/**
 * pi(x), the number of primes <= x, by the combinatorial method of Lagarias, Miller and
 * Odlyzko (1985), in the form primecount's doc/ folder describes.
 *
 * With y in [x^(1/3), x^(1/2)], a = pi(y) and phi(v, b) the count of numbers in [1, v] with
 * no prime factor among the b smallest primes:
 *
 *   pi(x) = phi(x, a) + a - 1 - P2(x, a),   P2 = sum over primes y < p <= sqrt(x) of
 *                                                  pi(x / p) - pi(p) + 1,
 *   phi(x, a) = S1 + S2,
 *   S1 = sum over n <= y with no prime factor <= p_c of mu(n) * phi(x / n, c)  (ordinary),
 *   S2 = - sum over b > c, m <= y < m * p_b, lpf(m) > p_b of mu(m) * phi(x / (p_b m), b - 1)
 *        (special leaves).
 *
 * phi(v, c) for the c <= 7 smallest primes is O(1) from a table over their primorial (at
 * most 510,510 entries; c = 8 would take a 39 MB table for little gain). The special leaves
 * all lie below z = x / y. Those of the primes p_b with p_b^2 > y are x / (p_b q) for primes
 * p_b < q <= y, and as Deleglise and Rivat split them, most need no sieve: below p_b a leaf
 * is worth 1 (trivial), and up to y (which is below p_b^2) it is pi(v) - b + 2 (easy), both
 * from a compact table of pi up to y; at 1e16 that is 2.5 of the 2.7 billion leaves. A
 * segmented sieve over [1, z] counts the rest (prime-count-kernels.ts says how) and, in the
 * same segments, the primes that P2 needs, so that the small primes' crossing off is paid
 * once for both. Time O(x^(2/3) / log x), memory O(y + sqrt(x) / log x)
 * words: the sieve's segment, the tables up to y, and the primes up to sqrt(x) for P2.
 *
 * y = alpha * x^(1/3) with four times primecount's tuning for this method (chooseY says why),
 * 4 (0.001103 ln^2 x - 0.00896 ln x + 1.004), clamped to [1, x^(1/6)].
 *
 * Exact 64-bit arithmetic: products p * m, p * low stay below x and every quotient below
 * z, so i64 holds everything for x < 2^63; sums come back per segment and add up as BigInt.
 */
import { primeCountUpperBound } from '../bounds/prime-count-bounds';
import { countSievedPrimes, primeSegments } from '../sieve/segmented-sieve';
import { DeadlineReachedError, type ShouldStop } from '../errors/deadline-reached-error';
import {
  CONFIG,
  CONFIG_BYTES,
  instantiatePrimeCountKernels,
  type PrimeCountKernels,
} from './prime-count-kernels';

/**
 * The largest x counted. Beyond 1e18 the primes up to sqrt(x) that P2 keeps would pass
 * 200 MB; the 64-bit arithmetic itself would hold to 2^63.
 */
export const PRIME_PI_MAX = 10n ** 18n;

const TINY_PRIMES = [2, 3, 5, 7, 11, 13, 17];
/** 2 (by leaving even numbers out) and 3..13 come pre-sieved: a pattern of 15,015 bytes. */
const PATTERN_PRIMES = 6;
const LARGEST_LMO_LEAF_STOP = 0x7fffffff;
const MAX_SEGMENT_BITS = 1 << 19;

/** Below this a plain sieve is faster than setting the method up. */
const SIEVED_BELOW = 100_000n;

/**
 * pi(x), the number of primes <= x, exactly, for 0 <= x <= PRIME_PI_MAX. `shouldStop` is
 * asked after every segment of the primes up to sqrt(x) and of the sieve (well under 20 ms of
 * work each); when it answers true the count throws DeadlineReachedError and keeps nothing.
 */
export function primePi(x: bigint, shouldStop?: ShouldStop): bigint {
  if (x < 0n || x > PRIME_PI_MAX) {
    throw new RangeError(`pi(x) is counted for 0 <= x <= ${PRIME_PI_MAX}, not ${x}`);
  }
  if (x < SIEVED_BELOW) return BigInt(countSievedPrimes(0, Number(x) + 1));
  return countPrimesByLmo(x, chooseY(x), shouldStop);
}

/** floor(x^(1/k)) for x >= 0, exact. */
export function integerRoot(x: bigint, k: number): bigint {
  if (x < 2n) return x;
  let r = BigInt(Math.floor(Number(x) ** (1 / k)));
  const K = BigInt(k);
  while (r ** K > x) r--;
  while ((r + 1n) ** K <= x) r++;
  return r;
}

/**
 * Four times primecount's alpha for LMO, clamped so that y stays in [x^(1/3), x^(1/2)]. The
 * factor was measured here: this sieve (a bit per odd number, no wheel) costs more per number
 * than primecount's, and since the trivial and easy leaves come from the table of pi (the
 * leaves that grow with y), a larger y (a shorter sieve to z = x / y) pays more than before:
 * CPU time of pi(1e15) 3.3 s at 3x, 3.2 s at 4x, 3.3 s at 5x, of pi(1e16) 13.3 s at 3x and
 * 11.8 s at 4x (load average 4-8 on 2 cores). Before the table, 2x was best: pi(1e14) 1.9 s
 * against 2.7 s at primecount's alpha, on the loaded machine of BENCHMARKS.md.
 */
export function chooseY(x: bigint): number {
  const cbrt = integerRoot(x, 3);
  const ln = Math.log(Number(x));
  const alpha = Math.min(
    Math.max(4 * (0.001103 * ln * ln - 0.00896 * ln + 1.004), 1),
    Number(x) ** (1 / 6),
  );
  const sqrt = integerRoot(x, 2);
  let y = BigInt(Math.floor(alpha * Number(cbrt)));
  if (y < cbrt) y = cbrt;
  if (y > sqrt) y = sqrt;
  return Number(y);
}

/**
 * pi(x) by LMO with the given y, x^(1/3) <= y <= x^(1/2) and x >= 8; primePi picks y. The
 * test suite runs the method across every valid y of small x.
 */
export function countPrimesByLmo(x: bigint, y: number, shouldStop?: ShouldStop): bigint {
  const sqrtX = Number(integerRoot(x, 2));
  if (x < 8n || BigInt(y) < integerRoot(x, 3) || y > sqrtX) {
    throw new RangeError(`y = ${y} is outside [x^(1/3), x^(1/2)] for x = ${x}`);
  }
  const z = x / BigInt(y);
  const sqrtZ = Number(integerRoot(z, 2));

  const { muLpf, primesToY } = muAndLeastPrimeFactors(y);
  // Below 1e10 the 2 MB table of c = 7 costs more to copy in than it saves.
  const c = Math.min(primesToY, x < 10n ** 10n ? 5 : TINY_PRIMES.length);
  const tiny = tinyPhiTable(c);

  const segmentBits = Math.min(
    MAX_SEGMENT_BITS,
    Math.max(64, 2 ** Math.ceil(Math.log2(sqrtZ + 1))),
  );
  const logBlock = Math.max(6, Math.ceil(Math.log2(segmentBits) / 2));
  const primeSlots = primeCountUpperBound(sqrtX) + 2;
  const patternPrimes = Math.min(c, PATTERN_PRIMES);
  const pattern = preSievePattern(patternPrimes);

  // Layout: the configuration, then the arrays, every one 8-byte aligned.
  let next = CONFIG_BYTES;
  const place = (bytes: number): number => {
    const address = next;
    next += Math.ceil(bytes / 8) * 8 + 8;
    return address;
  };
  const at = {
    muLpf: place(4 * (y + 1)),
    phi: place(8 * (primesToY + 1)),
    // sqrt(z) passes y when y^3 < x, so the sieving primes can outnumber pi(y).
    offsets: place(4 * (Math.max(primesToY, primeCountUpperBound(sqrtZ)) + 1)),
    sieve: place(segmentBits / 8 + 8),
    counters: place(4 * (segmentBits >> logBlock) + 4),
    tinyTable: place(4 * tiny.table.length),
    piTable: place(16 * (((y + 1) >> 7) + 1)),
    pattern: place(pattern.length),
    primes: place(4 * primeSlots),
  };
  const { kernels, memory } = instantiatePrimeCountKernels(next);
  const heap = memory.buffer;
  new Int32Array(heap, at.muLpf, y + 1).set(muLpf);
  new Uint32Array(heap, at.tinyTable, tiny.table.length).set(tiny.table);
  new Uint8Array(heap, at.pattern, pattern.length).set(pattern.bytes);
  const primes = new Uint32Array(heap, at.primes, primeSlots);
  let primesToSqrtX = 0;
  // Near 1e18 these primes alone take a second or more, so the deadline is asked here too.
  for (const part of primeSegments(0, sqrtX + 1)) {
    for (const p of part) primes[++primesToSqrtX] = p;
    if (shouldStop?.() === true) throw DeadlineReachedError.beforeComputing(`pi(${x})`);
  }
  // The prime after sqrt(x) closes the last run of equal pi(v) among the easy leaves.
  primes[primesToSqrtX + 1] = nextPrimeAfter(sqrtX);
  const primesToSqrtZ = countAtMost(primes, primesToSqrtX, sqrtZ);
  fillPiTable(new Uint32Array(heap, at.piTable, 4 * (((y + 1) >> 7) + 1)), primes, primesToY);
  const sieving = Math.max(primesToY, primesToSqrtZ);
  const offsets = new Uint32Array(heap, at.offsets, sieving + 1);
  for (let b = 2; b <= sieving; b++) offsets[b] = (primes[b] - 1) / 2;

  const config = new DataView(heap, 0, CONFIG_BYTES);
  const put = (slot: number, value: number | bigint) =>
    config.setBigInt64(slot, typeof value === 'bigint' ? value : BigInt(value), true);
  put(CONFIG.x, x);
  put(CONFIG.y, y);
  put(CONFIG.primesToY, primesToY);
  put(CONFIG.c, c);
  put(CONFIG.primesToSqrtZ, primesToSqrtZ);
  put(CONFIG.primes, at.primes);
  put(CONFIG.muLpf, at.muLpf);
  put(CONFIG.phi, at.phi);
  put(CONFIG.offsets, at.offsets);
  put(CONFIG.sieve, at.sieve);
  put(CONFIG.counters, at.counters);
  put(CONFIG.logBlock, logBlock);
  put(CONFIG.tinyTable, at.tinyTable);
  put(CONFIG.primorial, tiny.primorial);
  put(CONFIG.primorialPhi, tiny.table[tiny.primorial - 1]);
  put(CONFIG.piTable, at.piTable);
  put(CONFIG.pattern, at.pattern);
  put(CONFIG.patternBytes, pattern.period);
  put(CONFIG.patternPrimes, patternPrimes);
  put(CONFIG.p2Cursor, primesToSqrtX);
  put(CONFIG.p2Sum, 0);
  put(CONFIG.primesBefore, 0);

  const s1 = kernels.ordinaryLeaves();
  const easyLeaves = kernels.easyLeaves();
  const { s2, p2Counts } = sieveLeavesAndP2(kernels, config, z, 2 * segmentBits, x, shouldStop);
  if (Number(config.getBigInt64(CONFIG.p2Cursor, true)) !== primesToY) {
    throw new Error(`P2 stopped before its last prime at x = ${x}`);
  }
  const a = BigInt(primesToY);
  const b = BigInt(primesToSqrtX);
  const p2 = p2Counts - (b * (b - 1n)) / 2n + (a * (a - 1n)) / 2n;
  return s1 + easyLeaves + s2 + a - 1n - p2;
}

function sieveLeavesAndP2(
  kernels: PrimeCountKernels,
  config: DataView,
  z: bigint,
  segmentSpan: number,
  x: bigint,
  shouldStop: ShouldStop | undefined,
): { s2: bigint; p2Counts: bigint } {
  const span = BigInt(segmentSpan);
  let s2 = 0n;
  let p2Counts = 0n;
  for (let low = 1n; low <= z; low += span) {
    const high = low + span <= z + 1n ? low + span : z + 1n;
    s2 += kernels.sieveSegment(low, high);
    p2Counts += config.getBigInt64(CONFIG.p2Sum, true);
    config.setBigInt64(CONFIG.p2Sum, 0n, true);
    if (shouldStop?.() === true) throw DeadlineReachedError.beforeComputing(`pi(${x})`);
  }
  return { s2, p2Counts };
}

/**
 * The compact table of pi(v) for v <= y that the kernels read (piLookup): per 64 odd numbers,
 * a bit for each as two 32-bit halves, then the count of primes below the record.
 */
function fillPiTable(table: Uint32Array, primes: Uint32Array, primesToY: number): void {
  table[0] = 1; // the number 1 stands in for 2
  for (let k = 2; k <= primesToY; k++) {
    const p = primes[k];
    const bit = (p & 127) >> 1;
    table[4 * (p >> 7) + (bit >> 5)] |= 1 << (bit & 31);
  }
  let count = 0;
  for (let record = 0; 4 * record < table.length; record++) {
    table[4 * record + 2] = count;
    count += popcount32(table[4 * record]) + popcount32(table[4 * record + 1]);
  }
}

function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The smallest prime > n, by trial division (n is at most 1e9 here). */
function nextPrimeAfter(n: number): number {
  for (let candidate = n + 1; ; candidate++) {
    let prime = candidate > 1;
    for (let d = 2; d * d <= candidate && prime; d++) prime = candidate % d !== 0;
    if (prime) return candidate;
  }
}

/** The number of primes[1..count] that are <= limit. */
function countAtMost(primes: Uint32Array, count: number, limit: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (primes[mid] <= limit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * For n <= y: 0 where mu(n) = 0, else mu(n) * lpf(n) (1 counts as having a least prime
 * factor past every prime), so one signed word tells the leaf loops both facts.
 */
function muAndLeastPrimeFactors(y: number): { muLpf: Int32Array; primesToY: number } {
  const lpf = new Int32Array(y + 1);
  const mu = new Int8Array(y + 1).fill(1);
  let primesToY = 0;
  for (let p = 2; p <= y; p++) {
    if (lpf[p] !== 0) continue;
    primesToY++;
    for (let k = p; k <= y; k += p) {
      if (lpf[k] === 0) lpf[k] = p;
      mu[k] = -mu[k];
    }
    const square = p * p;
    for (let k = square; k <= y; k += square) mu[k] = 0;
  }
  const muLpf = new Int32Array(y + 1);
  muLpf[1] = LARGEST_LMO_LEAF_STOP;
  for (let n = 2; n <= y; n++) muLpf[n] = mu[n] * lpf[n];
  return { muLpf, primesToY };
}

/** table[r] = how many of 1..r share no factor with the product of the c smallest primes. */
const tinyPhiTables = new Map<number, { primorial: number; table: Uint32Array }>();

function tinyPhiTable(c: number): { primorial: number; table: Uint32Array } {
  const known = tinyPhiTables.get(c);
  if (known !== undefined) return known;
  const primes = TINY_PRIMES.slice(0, c);
  const primorial = primes.reduce((product, p) => product * p, 1);
  const coprime = new Uint8Array(primorial).fill(1);
  coprime[0] = 0;
  for (const p of primes) for (let k = 0; k < primorial; k += p) coprime[k] = 0;
  const table = new Uint32Array(primorial);
  let running = 0;
  for (let r = 0; r < primorial; r++) {
    running += coprime[r];
    table[r] = running;
  }
  tinyPhiTables.set(c, { primorial, table });
  return { primorial, table };
}

/**
 * Bit i stands for the odd number 2i + 1: unset when one of p_2..p_count divides it. The
 * pattern repeats every `period` bytes (the product of those primes, odd, so 8 periods of
 * bits); a largest segment's worth more lets a segment be copied from any offset in one go.
 */
function preSievePattern(count: number): { period: number; length: number; bytes: Uint8Array } {
  const known = patterns.get(count);
  if (known !== undefined) return known;
  const primes = TINY_PRIMES.slice(1, count);
  const period = primes.reduce((product, p) => product * p, 1);
  const bytes = new Uint8Array(period + MAX_SEGMENT_BITS / 8 + 64).fill(0xff);
  for (const p of primes) {
    for (let i = (p - 1) / 2; i < 8 * bytes.length; i += p) bytes[i >> 3] &= ~(1 << (i & 7));
  }
  const pattern = { period, length: bytes.length, bytes };
  patterns.set(count, pattern);
  return pattern;
}

const patterns = new Map<number, { period: number; length: number; bytes: Uint8Array }>();
