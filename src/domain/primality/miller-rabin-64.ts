/**
 * Deterministic primality for every 0 <= n <= 2^64 - 1: trial division by the primes below
 * 64, then the strong probable prime test to the seven bases {2, 325, 9375, 28178, 450775,
 * 9780504, 1795265022} (Jim Sinclair's set, verified against every base-2 strong
 * pseudoprime below 2^64), each reduced mod n and skipped when that leaves 0.
 *
 * It runs in WebAssembly on u64 with Montgomery multiplication (R = 2^64): a product's
 * high half comes from four 32x32-bit products, and reduction needs one more high half
 * and no division, so a whole test is a few thousand 64-bit multiplications instead of
 * BigInt divisions (measured in BENCHMARKS.md). Comparisons are unsigned, so n past 2^63
 * (a negative i64) is handled like any other.
 */
import {
  block,
  br,
  brIf,
  call,
  encodeModule,
  get,
  i32,
  ifElse,
  int64,
  loop,
  ret,
  set,
  valueType,
  when,
  type Code,
} from '../sieve/wasm-encoding';

const { i32: I32, i64: I64 } = valueType;
const BASES = [2n, 325n, 9375n, 28178n, 450775n, 9780504n, 1795265022n];
const TRIAL_PRIMES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n].concat(
  [53n, 59n, 61n],
);
/** No factor below 64 and n < 67^2: prime. */
const PRIME_BELOW = 67n * 67n;
const LOW32 = int64.const(0xffffffffn);
const c64 = (v: bigint): Code => int64.const(v);
const g = get;

// highHalf(a, b): the top 64 bits of the 128-bit product a * b.
const [A, B, A0, A1, B0, B1, P01, P10, MID] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const highHalfBody: Code = [
  set(A0, int64.and(g(A), LOW32)),
  set(A1, int64.shrU(g(A), c64(32n))),
  set(B0, int64.and(g(B), LOW32)),
  set(B1, int64.shrU(g(B), c64(32n))),
  set(P01, int64.mul(g(A0), g(B1))),
  set(P10, int64.mul(g(A1), g(B0))),
  set(
    MID,
    int64.add(
      int64.add(int64.shrU(int64.mul(g(A0), g(B0)), c64(32n)), int64.and(g(P01), LOW32)),
      int64.and(g(P10), LOW32),
    ),
  ),
  int64.add(
    int64.add(int64.mul(g(A1), g(B1)), int64.shrU(g(P01), c64(32n))),
    int64.add(int64.shrU(g(P10), c64(32n)), int64.shrU(g(MID), c64(32n))),
  ),
].flat();
const HIGH_HALF = 0;

// montgomeryProduct(a, b, n, nInverse) = a * b / 2^64 mod n, for a, b < n and n odd:
// with m = (a b mod 2^64) * n^-1, a b - m n is a multiple of 2^64, so its high half is it.
const [MA, MB, MN, MINV, HI, MH] = [0, 1, 2, 3, 4, 5];
const montgomeryBody: Code = [
  set(HI, call(HIGH_HALF, g(MA), g(MB))),
  set(MH, call(HIGH_HALF, int64.mul(int64.mul(g(MA), g(MB)), g(MINV)), g(MN))),
  when(int64.ltU(g(HI), g(MH)), ret(int64.add(int64.sub(g(HI), g(MH)), g(MN)))),
  int64.sub(g(HI), g(MH)),
].flat();
const MONTGOMERY = 1;
const mont = (a: Code, b: Code): Code => call(MONTGOMERY, a, b, g(N), g(INV));

// isPrime(n) -> 1 or 0.
const [N, INV, ONE, MINUS_ONE, R2, D, X, BASE, E, S, R, K] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const isPrimeBody: Code = [
  when(int64.ltU(g(N), c64(2n)), ret(i32(0))),
  ...TRIAL_PRIMES.map((p) =>
    [
      when(int64.eq(g(N), c64(p)), ret(i32(1))),
      when(int64.eqz(int64.remU(g(N), c64(p))), ret(i32(0))),
    ].flat(),
  ),
  when(int64.ltU(g(N), c64(PRIME_BELOW)), ret(i32(1))),
  // n^-1 mod 2^64 by Newton's iteration: n is its own inverse mod 8, and each step doubles
  // the correct bits (3, 6, 12, 24, 48, 96).
  set(INV, g(N)),
  ...Array.from({ length: 5 }, () =>
    set(INV, int64.mul(g(INV), int64.sub(c64(2n), int64.mul(g(N), g(INV))))),
  ),
  // 1 in Montgomery form is 2^64 mod n; 2^128 mod n by doubling it 64 more times.
  set(ONE, int64.remU(int64.sub(c64(0n), g(N)), g(N))),
  set(MINUS_ONE, int64.sub(g(N), g(ONE))),
  set(R2, g(ONE)),
  set(K, c64(0n)),
  block(
    loop(
      brIf(1, int64.eq(g(K), c64(64n))),
      ifElse(
        int64.geU(g(R2), int64.sub(g(N), g(R2))),
        [set(R2, int64.sub(g(R2), int64.sub(g(N), g(R2))))],
        [set(R2, int64.add(g(R2), g(R2)))],
      ),
      set(K, int64.add(g(K), c64(1n))),
      br(0),
    ),
  ),
  // n - 1 = d 2^s with d odd.
  set(D, int64.sub(g(N), c64(1n))),
  set(S, c64(0n)),
  block(
    loop(
      brIf(1, int64.ne(int64.and(g(D), c64(1n)), c64(0n))),
      set(D, int64.shrU(g(D), c64(1n))),
      set(S, int64.add(g(S), c64(1n))),
      br(0),
    ),
  ),
  ...BASES.map((a) =>
    block(
      set(BASE, int64.remU(c64(a), g(N))),
      brIf(0, int64.eqz(g(BASE))),
      // x = base^d in Montgomery form, by squaring and multiplying from the low bit up.
      set(BASE, mont(g(BASE), g(R2))),
      set(X, g(ONE)),
      set(E, g(D)),
      block(
        loop(
          brIf(1, int64.eqz(g(E))),
          when(int64.ne(int64.and(g(E), c64(1n)), c64(0n)), set(X, mont(g(X), g(BASE)))),
          set(BASE, mont(g(BASE), g(BASE))),
          set(E, int64.shrU(g(E), c64(1n))),
          br(0),
        ),
      ),
      brIf(0, int64.eq(g(X), g(ONE))),
      brIf(0, int64.eq(g(X), g(MINUS_ONE))),
      set(R, c64(1n)),
      block(
        loop(
          // No -1 among x^(2^r), r < s: a witness that n is composite.
          when(int64.geU(g(R), g(S)), ret(i32(0))),
          set(X, mont(g(X), g(X))),
          brIf(1, int64.eq(g(X), g(MINUS_ONE))),
          set(R, int64.add(g(R), c64(1n))),
          br(0),
        ),
      ),
    ),
  ),
  i32(1),
].flat();

const MILLER_RABIN_MODULE = encodeModule([
  {
    name: 'highHalf',
    params: [I64, I64],
    locals: Array(7).fill(I64),
    results: [I64],
    body: highHalfBody,
  },
  {
    name: 'montgomeryProduct',
    params: [I64, I64, I64, I64],
    locals: [I64, I64],
    results: [I64],
    body: montgomeryBody,
  },
  {
    name: 'isPrime',
    params: [I64],
    locals: Array(11).fill(I64),
    results: [I32],
    body: isPrimeBody,
  },
]);

interface MillerRabinKernel {
  isPrime(n: bigint): number;
}

// The compiler's lib (ES2023, no DOM) does not describe WebAssembly; this is the part used.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
};

let kernel: MillerRabinKernel | undefined;

const U64_MAX = (1n << 64n) - 1n;

/** Whether n is prime, exactly, for 0 <= n <= 2^64 - 1. */
export function isPrimeU64(n: bigint): boolean {
  if (n < 0n || n > U64_MAX) throw new RangeError(`${n} is not an integer in [0, 2^64)`);
  kernel ??= new WebAssembly.Instance(new WebAssembly.Module(MILLER_RABIN_MODULE), {
    env: { memory: new WebAssembly.Memory({ initial: 1 }) },
  }).exports as unknown as MillerRabinKernel;
  // i64 crosses as a signed BigInt: values from 2^63 on go as their two's complement.
  return kernel.isPrime(BigInt.asIntN(64, n)) === 1;
}
