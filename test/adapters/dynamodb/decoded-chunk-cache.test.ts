import { DecodedChunkCache } from '../../../src/adapters/dynamodb/decoded-chunk-cache';

/** A chunk of `length` made-up ascending values: the cache never looks inside. */
function chunk(length: number, first = 2): Float64Array {
  return Float64Array.from({ length }, (_, index) => first + 2 * index);
}

describe('DecodedChunkCache', () => {
  it('gives back a kept chunk for any need up to its length, and counts hits and misses', () => {
    const cache = new DecodedChunkCache(1_000);
    const kept = chunk(10);
    cache.keep(3, kept);
    expect(cache.take(3, 10)).toBe(kept);
    expect(cache.take(3, 1)).toBe(kept);
    expect(cache.take(3, 11)).toBeUndefined();
    expect(cache.take(4, 1)).toBeUndefined();
    expect(cache.usage()).toEqual({ hits: 2, misses: 2, chunks: 1, bytes: 80, maxBytes: 1_000 });
  });

  it('replaces a partial chunk by a longer one, never by a shorter one', () => {
    const cache = new DecodedChunkCache(1_000);
    cache.keep(0, chunk(4));
    const longer = chunk(9);
    cache.keep(0, longer);
    cache.keep(0, chunk(6));
    cache.keep(0, chunk(9));
    expect(cache.take(0, 9)).toBe(longer);
    expect(cache.usage()).toMatchObject({ chunks: 1, bytes: 72 });
  });

  it('evicts the least recently used chunks to stay within its bytes', () => {
    // Room for three chunks of 10 primes (80 bytes each), not four.
    const cache = new DecodedChunkCache(250);
    for (const index of [0, 1, 2]) cache.keep(index, chunk(10));
    expect(cache.take(0, 10)).toBeDefined();
    cache.keep(3, chunk(10));
    expect(cache.holds(1, 1)).toBe(false);
    expect([0, 2, 3].map((index) => cache.holds(index, 10))).toEqual([true, true, true]);
    expect(cache.usage()).toMatchObject({ chunks: 3, bytes: 240 });
    // Growing a kept chunk can push others out too.
    cache.keep(2, chunk(20));
    expect(cache.usage().bytes).toBeLessThanOrEqual(250);
    expect(cache.holds(2, 20)).toBe(true);
    expect(cache.holds(0, 1)).toBe(false);
  });

  it('fills up to its bound exactly', () => {
    const cache = new DecodedChunkCache(240);
    for (const index of [0, 1, 2]) cache.keep(index, chunk(10));
    expect([0, 1, 2].map((index) => cache.holds(index, 10))).toEqual([true, true, true]);
    expect(cache.usage()).toMatchObject({ chunks: 3, bytes: 240 });
    const one = new DecodedChunkCache(80);
    one.keep(0, chunk(10));
    expect(one.usage()).toMatchObject({ chunks: 1, bytes: 80 });
  });

  it('passes over a chunk larger than its bound, keeping the others', () => {
    const cache = new DecodedChunkCache(100);
    cache.keep(0, chunk(5));
    cache.keep(1, chunk(20));
    expect(cache.holds(0, 5)).toBe(true);
    expect(cache.holds(1, 1)).toBe(false);
    expect(cache.usage()).toMatchObject({ chunks: 1, bytes: 40 });
  });

  it('keeps nothing larger than its bound, and nothing at all with a bound of 0', () => {
    const small = new DecodedChunkCache(100);
    small.keep(0, chunk(20));
    expect(small.usage()).toMatchObject({ chunks: 0, bytes: 0 });
    const none = new DecodedChunkCache(0);
    none.keep(0, chunk(1));
    expect(none.take(0, 1)).toBeUndefined();
    expect(none.usage()).toEqual({ hits: 0, misses: 1, chunks: 0, bytes: 0, maxBytes: 0 });
  });

  it('refuses a bound that is not a whole number of bytes', () => {
    for (const bound of [-1, 1.5, Number.NaN]) {
      expect(() => new DecodedChunkCache(bound)).toThrow(
        new RangeError('the chunk cache bound must be a whole number of bytes >= 0'),
      );
    }
  });
});
