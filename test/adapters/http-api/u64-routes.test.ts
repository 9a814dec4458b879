import { createPrimesApp } from '../../../src/adapters/http-api/primes-app';
import type { PrimesFetch } from '../../../src/adapters/http-api/primes-env';
import { DOCS_ASSETS_DIR } from '../../support/docs-assets-dir';
import { memoryUseCases, type MemoryService } from '../../support/memory-use-cases';
import { referencePrimeCounts, referencePrimesBelow } from '../../support/reference-primes';
import { silentLogger } from '../../support/silent-logger';
import { call } from './api-client';

/** The questions past the store, through the app, against references written here. */
const TOP = 2_000_000;
const PRIMES = referencePrimesBelow(TOP + 1);
const PI = referencePrimeCounts(TOP + 1);
const STORED = 1_000; // the store holds the primes up to 7,919

const U64_MAX = 2n ** 64n - 1n;
/**
 * The ten largest primes below 2^64, as 2^64 - k (the table of primes just less than a power
 * of two): a window ending at 2^64 - 1 must list exactly these.
 */
const LARGEST_BELOW_2_64 = [363n, 353n, 323n, 279n, 257n, 189n, 179n, 95n, 83n, 59n].map(
  (k) => 2n ** 64n - k,
);
const TWO_53 = 2 ** 53;

/** A JSON value up to 2^64 - 1 as the service writes it: a number to 2^53 - 1, text above. */
function u64(value: bigint): number | string {
  return value < BigInt(TWO_53) ? Number(value) : String(value);
}

/** Seeded so that a failure names the values that failed, and the run repeats. */
function randomBelow(seed: number): (limit: number) => number {
  let state = seed;
  return (limit) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((state / 2_147_483_648) * limit);
  };
}

/**
 * The primes in [lo, lo + width] for lo just below 2^53, by a plain sieve of the window with
 * every prime up to its square root: offsets stay small, so no value passes 2^53 as a number.
 */
function windowAcross2Pow53(lo: number, width: number): bigint[] {
  const composite = new Uint8Array(width + 1);
  const root = Math.ceil(Math.sqrt(lo + width));
  // The odd numbers up to the root, sieved in place (index i stands for 2i + 1).
  const oddComposite = new Uint8Array((root >> 1) + 1);
  const strike = (p: number) => {
    for (let at = (p - (lo % p)) % p; at <= width; at += p) composite[at] = 1;
  };
  strike(2);
  for (let i = 1; 2 * i + 1 <= root; i++) {
    if (oddComposite[i]) continue;
    const p = 2 * i + 1;
    for (let j = (p * p - 1) / 2; j < oddComposite.length; j += p) oddComposite[j] = 1;
    strike(p);
  }
  const primes: bigint[] = [];
  for (let at = 0; at <= width; at++) if (!composite[at]) primes.push(BigInt(lo) + BigInt(at));
  return primes;
}

describe('the 64-bit routes', () => {
  let service: MemoryService;
  let api: PrimesFetch;

  beforeEach(async () => {
    service = memoryUseCases({
      chunkCapacity: 256,
      limits: { maxCountedValue: BigInt(TOP), maxNthPrime: BigInt(PRIMES.length) },
    });
    await service.useCases.extendPrimes.execute({ count: STORED });
    api = createPrimesApp(service.useCases, {
      docsAssetsDir: DOCS_ASSETS_DIR,
      logger: silentLogger,
    });
  });

  /** No route of this file grows the store. */
  afterEach(async () => {
    expect((await service.repository.reach()).count).toBe(STORED);
  });

  it('GET /primes/count answers pi inside and beyond the store, equal to the sieve', async () => {
    const random = randomBelow(7);
    const cases: Array<[number, number]> = [
      [0, 0],
      [0, 1],
      [0, 2],
      [2, 2],
      [3, 7_919],
      [7_919, 7_920],
      [0, TOP],
      [TOP, TOP],
    ];
    for (let i = 0; i < 12; i++) {
      const to = random(TOP + 1);
      cases.push([random(to + 1), to]);
    }
    for (const [from, to] of cases) {
      const answer = await call(api, `/primes/count?from=${from}&to=${to}`);
      const count = PI[to] - (from > 0 ? PI[from - 1] : 0);
      expect([from, to, answer.status, answer.json]).toEqual([from, to, 200, { from, to, count }]);
    }
    expect((await call(api, '/primes/count?to=1000000')).json).toEqual({
      from: 0,
      to: 1_000_000,
      count: 78_498,
    });
  });

  it('GET /primes/nth/{n} answers inside and beyond the store, equal to the sieve', async () => {
    const random = randomBelow(11);
    const ns = [1, 2, STORED, STORED + 1, PRIMES.length];
    for (let i = 0; i < 8; i++) ns.push(1 + random(PRIMES.length));
    for (const n of ns) {
      const answer = await call(api, `/primes/nth/${n}`);
      expect([n, answer.status, answer.json]).toEqual([n, 200, { n, prime: PRIMES[n - 1] }]);
    }
  });

  it('pages a window beyond the store by value cursors, equal to the sieve', async () => {
    const from = 1_500_000;
    const to = 1_600_000;
    const listed: number[] = [];
    const cursors: string[] = [];
    let next: string | null = null;
    do {
      const cursor: string = next === null ? '' : `&cursor=${next}`;
      const answer = await call(api, `/primes?from=${from}&to=${to}&limit=997${cursor}`);
      expect(answer.status).toBe(200);
      const page = answer.json as { primes: number[]; next: string | null };
      listed.push(...page.primes);
      next = page.next;
      if (next !== null) cursors.push(next);
    } while (next !== null);
    expect(listed).toEqual(PRIMES.filter((p) => p >= from && p <= to));
    expect(cursors.length).toBe(Math.ceil(listed.length / 997) - 1);
  });

  it('lists the window ending at 2^64 - 1, its primes as digit strings', async () => {
    const from = U64_MAX - 363n;
    const whole = await call(api, `/primes?from=${from}&to=${U64_MAX}`);
    expect(whole.json).toEqual({ primes: LARGEST_BELOW_2_64.map(String), next: null });
    expect(whole.body).toContain('"18446744073709551557"]');

    const pages: string[] = [];
    let next: string | null = null;
    do {
      const cursor: string = next === null ? '' : `&cursor=${next}`;
      const answer = await call(api, `/primes?from=${from}&to=${U64_MAX}&limit=3${cursor}`);
      const page = answer.json as { primes: string[]; next: string | null };
      pages.push(...page.primes);
      next = page.next;
    } while (next !== null);
    expect(pages).toEqual(LARGEST_BELOW_2_64.map(String));
    const past = await call(api, `/primes?from=${U64_MAX - 57n}&to=${U64_MAX}`);
    expect(past.json).toEqual({ primes: [], next: null });
  });

  it('holds a page of large primes under a 6 MB answer, and goes on from its cursor', async () => {
    // Below 1e16 a prime and its comma take 17 bytes: 500,000 of them would be 8.5 MB, more
    // than a Lambda may answer, so the page must come shorter and its cursor carry the rest.
    const from = 10n ** 15n;
    const to = from + 20_000_000n;
    const window = `/primes?from=${from}&to=${to}&limit=500000`;
    const first = await call(api, window);
    expect(first.status).toBe(200);
    expect(first.bytes.length).toBeLessThan(6_000_000);
    expect(first.bytes.length).toBeGreaterThan(5_000_000);
    const firstPage = first.json as { primes: number[]; next: string | null };
    expect(firstPage.next).not.toBeNull();
    const second = await call(api, `${window}&cursor=${firstPage.next}`);
    const secondPage = second.json as { primes: number[]; next: string | null };
    expect(secondPage.next).toBeNull();
    expect(secondPage.primes[0]).toBeGreaterThan(firstPage.primes[firstPage.primes.length - 1]);
    const counted = await call(api, `/primes/count?from=${from}&to=${to}`);
    expect(firstPage.primes.length + secondPage.primes.length).toBe(
      (counted.json as { count: number }).count,
    );
  });

  it('lists a window from 0 to any large value from 2 on, whichever way the page is found', async () => {
    // A short page of a high window is found by testing numbers one by one from its start, a
    // long one by sieving: both must start the window from 0 at 2.
    for (const to of [U64_MAX, 2n ** 41n, 10n ** 16n]) {
      for (const limit of [3, 30]) {
        const answer = await call(api, `/primes?to=${to}&limit=${limit}`);
        expect(answer.status).toBe(200);
        expect((answer.json as { primes: number[] }).primes).toEqual(PRIMES.slice(0, limit));
      }
    }
  });

  it('writes a window across 2^53 as numbers below it and digit strings above', async () => {
    const lo = TWO_53 - 300;
    const width = 600;
    const expected = windowAcross2Pow53(lo, width);
    const answer = await call(api, `/primes?from=${lo}&to=${BigInt(lo) + BigInt(width)}`);
    expect(answer.status).toBe(200);
    const { primes } = answer.json as { primes: Array<number | string> };
    expect(primes).toEqual(expected.map(u64));
    expect(primes.some((p) => typeof p === 'string')).toBe(true);
    expect(primes.some((p) => typeof p === 'number')).toBe(true);
  });

  it('GET /primes/next/{n} and /primes/previous/{n} agree with the sieve', async () => {
    const random = randomBelow(13);
    const ns = [0, 1, 2, 3, 7_918, 7_919, 7_920, TOP - 100];
    for (let i = 0; i < 20; i++) ns.push(random(TOP - 200));
    for (const n of ns) {
      const next = PRIMES.find((p) => p > n);
      const previous = PRIMES.filter((p) => p < n).pop();
      expect([n, (await call(api, `/primes/next/${n}`)).json]).toEqual([n, { n, prime: next }]);
      if (previous === undefined) continue;
      const answer = await call(api, `/primes/previous/${n}`);
      expect([n, answer.json]).toEqual([n, { n, prime: previous }]);
    }
  });

  it('answers next and previous near 2^64 as digit strings', async () => {
    const largest = LARGEST_BELOW_2_64[9];
    const json = async (target: string) => (await call(api, target)).json;
    expect(await json(`/primes/next/${largest - 1n}`)).toEqual({
      n: String(largest - 1n),
      prime: '18446744073709551557',
    });
    expect(await json(`/primes/next/${LARGEST_BELOW_2_64[8]}`)).toEqual({
      n: String(LARGEST_BELOW_2_64[8]),
      prime: String(largest),
    });
    expect(await json(`/primes/previous/${U64_MAX}`)).toEqual({
      n: String(U64_MAX),
      prime: String(largest),
    });
    expect(await json(`/primes/previous/${largest}`)).toEqual({
      n: String(largest),
      prime: String(LARGEST_BELOW_2_64[8]),
    });
  });

  it.each([
    ['/primes/next/18446744073709551557'],
    ['/primes/next/18446744073709551615'],
    ['/primes/previous/2'],
    ['/primes/previous/1'],
    ['/primes/previous/0'],
  ])('%s has no answer: 404 NO_SUCH_PRIME naming n', async (target) => {
    const answer = await call(api, target);
    expect(answer.status).toBe(404);
    const { error } = answer.json as { error: { code: string; field: string; message: string } };
    expect(error).toMatchObject({ code: 'NO_SUCH_PRIME', field: 'n' });
    expect(error.message).toMatch(/^n has no prime (above|below) it/);
    expect(answer.headers.etag).toBeUndefined();
  });

  it('GET /is-prime/{n} answers up to 2^64 - 1', async () => {
    const random = randomBelow(17);
    const isPrime = new Set(PRIMES);
    for (let i = 0; i < 30; i++) {
      const n = random(TOP);
      expect((await call(api, `/is-prime/${n}`)).json).toEqual({ n, isPrime: isPrime.has(n) });
    }
    const big = async (n: bigint) => (await call(api, `/is-prime/${n}`)).json;
    for (const prime of LARGEST_BELOW_2_64) {
      expect(await big(prime)).toEqual({ n: String(prime), isPrime: true });
      expect(await big(prime + 2n)).toEqual({ n: String(prime + 2n), isPrime: false });
    }
    expect(await big(U64_MAX)).toEqual({ n: String(U64_MAX), isPrime: false });
    // A strong pseudoprime to every prime base up to 23, and a product of the two largest primes below 2^32.
    expect(await big(3_825_123_056_546_413_051n)).toEqual({
      n: '3825123056546413051',
      isPrime: false,
    });
    expect(await big(4_294_967_291n * 4_294_967_279n)).toMatchObject({ isPrime: false });
  });

  it('answers 503 with Retry-After and no progress when a computation meets its deadline', async () => {
    const answer = await call(api, `/primes/count?to=${TOP}`, { deadline: Date.now() - 1 });
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('1');
    const { error } = answer.json as { error: { code: string; progress?: object } };
    expect(error.code).toBe('DEADLINE_REACHED');
    expect(error).not.toHaveProperty('progress');
    // Nothing half done was kept: asked again with time, the count is exact.
    expect((await call(api, `/primes/count?to=${TOP}`)).json).toMatchObject({ count: PI[TOP] });
  });

  it('gives each new answer a strong ETag and answers 304 to it', async () => {
    for (const target of [
      '/primes/next/100',
      '/primes/previous/100',
      `/is-prime/${U64_MAX}`,
      '/primes/count?to=100000',
      `/primes?from=${U64_MAX - 363n}&to=${U64_MAX}`,
    ]) {
      const first = await call(api, target);
      expect([target, first.headers.etag]).toEqual([target, expect.stringMatching(/^"/)]);
      const again = await call(api, target, { headers: { 'if-none-match': first.headers.etag } });
      expect([target, again.status]).toEqual([target, 304]);
    }
  });
});
