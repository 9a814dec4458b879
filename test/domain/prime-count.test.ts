import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { nthPrime } from '../../src/domain/prime-count/nth-prime';
import {
  chooseY,
  countPrimesByLmo,
  integerRoot,
  primePi,
  PRIME_PI_MAX,
} from '../../src/domain/prime-count/prime-pi';
import { referencePrimesBelow } from '../support/reference-primes';

const PRIMECOUNT = '/usr/bin/primecount';

/** pi(x) for many x below `limit` at once: one plain odd-only sieve, then a walk. */
function plainCounts(xs: readonly number[], limit: number): Map<number, bigint> {
  const composite = new Uint8Array(limit / 2 + 1);
  for (let p = 3; p * p < limit; p += 2) {
    if (composite[p >> 1]) continue;
    for (let m = p * p; m < limit; m += 2 * p) composite[m >> 1] = 1;
  }
  const sorted = [...xs].sort((a, b) => a - b);
  const counts = new Map<number, bigint>();
  let count = 0;
  let n = 1;
  for (const x of sorted) {
    for (; n <= x; n++) {
      if (n === 2 || (n % 2 === 1 && n > 1 && composite[n >> 1] === 0)) count++;
    }
    counts.set(x, BigInt(count));
  }
  return counts;
}

/** A deterministic stream of numbers in [0, 1), so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('primePi', () => {
  it('counts every x from 0 to 100 like a plain sieve', () => {
    const primes = referencePrimesBelow(101);
    for (let x = 0; x <= 100; x++) {
      expect([x, primePi(BigInt(x))]).toEqual([x, BigInt(primes.filter((p) => p <= x).length)]);
    }
  });

  it('agrees with a plain sieve on 2,000 random x below 1e8 (log-uniform)', () => {
    const random = seededRandom(9);
    const xs = Array.from({ length: 2000 }, () => Math.floor(10 ** (1 + 7 * random())));
    const expected = plainCounts(xs, 1e8);
    const wrong = xs.filter((x) => primePi(BigInt(x)) !== expected.get(x));
    expect(wrong).toEqual([]);
  });

  it('knows pi(1e12) and pi(1e13)', () => {
    expect(primePi(10n ** 12n)).toBe(37_607_912_018n);
    expect(primePi(10n ** 13n)).toBe(346_065_536_839n);
  });

  it('refuses x outside [0, PRIME_PI_MAX] with a RangeError', () => {
    expect(() => primePi(-1n)).toThrow(RangeError);
    expect(() => primePi(PRIME_PI_MAX + 1n)).toThrow(RangeError);
  });

  it('stops with DEADLINE_REACHED when asked to, and the next count is still exact', () => {
    let asked = 0;
    expect(() => primePi(10n ** 12n, () => ++asked > 3)).toThrow(
      expect.objectContaining({ code: 'DEADLINE_REACHED' }),
    );
    expect(asked).toBe(4);
    expect(primePi(10n ** 12n, () => false)).toBe(37_607_912_018n);
  });

  it('asks whether to stop while it lists the primes up to sqrt(x), before any sieving', () => {
    // Up to sqrt(1e18) = 1e9 the list alone is hundreds of segments of the prime sieve.
    let asked = 0;
    expect(() => primePi(PRIME_PI_MAX, () => ++asked > 2)).toThrow(
      expect.objectContaining({ code: 'DEADLINE_REACHED' }),
    );
    expect(asked).toBe(3);
  });
});

describe('countPrimesByLmo (the method with y chosen by the caller)', () => {
  it('is exact for every x in [8, 250) and every valid y', () => {
    const expected = plainCounts(
      Array.from({ length: 242 }, (_, i) => i + 8),
      250,
    );
    const wrong: string[] = [];
    for (let x = 8; x < 250; x++) {
      const big = BigInt(x);
      for (let y = Number(integerRoot(big, 3)); y <= Number(integerRoot(big, 2)); y++) {
        if (countPrimesByLmo(big, y) !== expected.get(x)) wrong.push(`x=${x} y=${y}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is exact at and around squares and cubes of primes', () => {
    const primes = referencePrimesBelow(200);
    const xs = new Set<number>();
    for (const p of primes) {
      for (const power of [p * p, p * p * p]) {
        for (const d of [-2, -1, 0, 1, 2]) if (power + d >= 8 && power + d < 1e8) xs.add(power + d);
      }
    }
    const list = [...xs];
    const expected = plainCounts(list, 1e8);
    const wrong: string[] = [];
    for (const x of list) {
      const big = BigInt(x);
      // The smallest y and primePi's own: the leaves, S2's primes and P2 all move.
      const ys = new Set([Number(integerRoot(big, 3)), chooseY(big)]);
      for (const y of ys) if (countPrimesByLmo(big, y) !== expected.get(x)) wrong.push(`${x}/${y}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is exact where the chosen y or z = x / y steps', () => {
    const xs: number[] = [];
    let previousY = chooseY(1000n);
    for (let x = 1000; x < 3_000_000; x += 997) {
      const y = chooseY(BigInt(x));
      if (y !== previousY) {
        // Find the step exactly, then take it and its neighbours.
        let lo = x - 997;
        let hi = x;
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          if (chooseY(BigInt(mid)) === y) hi = mid;
          else lo = mid;
        }
        xs.push(hi - 1, hi, hi + 1);
        previousY = y;
      }
    }
    // z = x / y steps where x passes a multiple of y.
    for (const x of [12_345_678, 98_765_432]) {
      const y = chooseY(BigInt(x));
      const multiple = Math.ceil(x / y) * y;
      xs.push(multiple - 1, multiple, multiple + 1);
    }
    expect(xs.length).toBeGreaterThan(30);
    const expected = plainCounts(xs, 1e8);
    const wrong = xs.filter(
      (x) => countPrimesByLmo(BigInt(x), chooseY(BigInt(x))) !== expected.get(x),
    );
    expect(wrong).toEqual([]);
  });
});

describe('countPrimesByLmo where a leaf x / (p q) changes kind', () => {
  /**
   * For primes sqrt(y) < p < q <= y the leaf x / (p q) is trivial below p, easy (a table look-up)
   * up to y and left to the sieve above; x one below, at and one above p^2 q, p q (y + 1) and
   * p^3 q put a leaf exactly on each edge for the y that is drawn.
   */
  it('is exact for x at p^2 q, p q (y + 1) and p^3 q, one either side', () => {
    const primes = referencePrimesBelow(3000);
    const random = seededRandom(21);
    const pick = (lo: number, hi: number): number | undefined => {
      const candidates = primes.filter((p) => p > lo && p <= hi);
      return candidates.length === 0
        ? undefined
        : candidates[Math.floor(random() * candidates.length)];
    };
    const cases: { x: number; y: number }[] = [];
    while (cases.length < 600) {
      const y = 4 + Math.floor(random() * 900);
      const p = pick(Math.sqrt(y), y - 1);
      const q = p === undefined ? undefined : pick(p, y);
      if (p === undefined || q === undefined) continue;
      for (const edge of [p * p * q, p * q * (y + 1), p * p * p * q]) {
        for (const x of [edge - 1, edge, edge + 1]) {
          const big = BigInt(x);
          if (
            x >= 8 &&
            x < 1e8 &&
            BigInt(y) >= integerRoot(big, 3) &&
            BigInt(y) <= integerRoot(big, 2)
          ) {
            cases.push({ x, y });
          }
        }
      }
    }
    const expected = plainCounts(
      cases.map(({ x }) => x),
      1e8,
    );
    const wrong = cases.filter(({ x, y }) => countPrimesByLmo(BigInt(x), y) !== expected.get(x));
    expect(wrong).toEqual([]);
  });
});

describe('primePi against primecount', () => {
  const installed = existsSync(PRIMECOUNT);
  if (!installed && process.env.CI === 'true') {
    it('needs primecount, which CI installs (scripts/provision-references.sh)', () => {
      expect(installed).toBe(true);
    });
    return;
  }
  const run = installed ? it : it.skip;
  run('agrees on 24 random x between 1e9 and 1e14', () => {
    const random = seededRandom(14);
    const xs = Array.from({ length: 24 }, () => BigInt(Math.floor(10 ** (9 + 5 * random()))));
    const disagreements = xs
      .map((x) => [
        x,
        primePi(x),
        BigInt(
          execFileSync(PRIMECOUNT, [String(x)])
            .toString()
            .trim(),
        ),
      ])
      .filter(([, ours, theirs]) => ours !== theirs);
    expect(disagreements).toEqual([]);
  });
});

describe('nthPrime', () => {
  it('agrees with a plain sieve for n = 1..1000 and a sample up to n = 400,000', () => {
    const primes = referencePrimesBelow(6_000_000);
    const ns = [
      ...Array.from({ length: 1000 }, (_, i) => i + 1),
      10_000,
      123_456,
      299_999,
      400_000,
    ];
    const wrong = ns.filter((n) => nthPrime(BigInt(n)) !== BigInt(primes[n - 1]));
    expect(wrong).toEqual([]);
  });

  it('knows the 10^12-th prime', () => {
    expect(nthPrime(10n ** 12n)).toBe(29_996_224_275_833n);
  });

  it('refuses n < 1', () => {
    expect(() => nthPrime(0n)).toThrow(RangeError);
  });
});
