import { primeArrayJson } from '../../../src/adapters/http-api/prime-array-json';
import { firstPrimes } from '../../support/reference-primes';

describe('primeArrayJson', () => {
  it('writes the same text as JSON.stringify', () => {
    const values = [
      [],
      [2],
      [2, 3, 5, 7],
      [9, 10, 99, 100, 999_999, 1_000_000, 4_294_967_291, 4_294_967_295],
      [4_294_967_296, 4_294_967_311, 1e15 + 37, 9_007_199_254_740_881],
    ];
    for (const list of values) {
      expect(primeArrayJson(Float64Array.from(list))).toBe(JSON.stringify(list));
    }
  });

  it('writes every digit count from 1 to 16', () => {
    const list = Array.from({ length: 16 }, (_, i) => 10 ** i + 7);
    expect(primeArrayJson(Float64Array.from(list))).toBe(JSON.stringify(list));
  });

  it('writes 10,000 primes as JSON.stringify would', () => {
    const primes = firstPrimes(10_000);
    expect(primeArrayJson(primes)).toBe(JSON.stringify(Array.from(primes)));
  });
});
