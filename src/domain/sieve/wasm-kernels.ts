/**
 * The sieve's innermost loops as WebAssembly, written with wasm-encoding.ts. They mirror
 * the loops explained in segmented-sieve.ts; WebAssembly runs them about twice as fast as
 * the same loops over JavaScript typed arrays (no per-access bounds checks, 128-bit ANDs,
 * a popcount instruction): see BENCHMARKS.md.
 *
 * Every engine gets its own memory, laid out by the engine; the kernels take addresses.
 * The wheel's tables sit at fixed addresses at the start of it.
 */
import {
  add,
  and,
  block,
  br,
  brIf,
  divU,
  encodeModule,
  eqz,
  geS,
  geU,
  get,
  i32,
  load32,
  load8,
  loop,
  mul,
  popcount64,
  set,
  store32,
  store8,
  sub,
  tee,
  v128And,
  v128Load,
  v128Store,
  when,
  type Code,
} from './wasm-encoding';
import { CARRY, CLEAR_MASK, NEXT_RJ, STEP_C, STEP_Q } from './wheel';

const MASK_AT = 0;
const CARRY_AT = 64;
const STEP_Q_AT = 128;
const STEP_C_AT = 192;
const NEXT_AT = 256;
/** Bytes the tables take; an engine's own data starts at or after this address. */
export const TABLES_BYTES = 1024;

// crossOff(segment, length, primes, offsets, rjs, count): the locals after the parameters.
const [SEG, LEN, PRIMES, OFFSETS, RJS, COUNT] = [0, 1, 2, 3, 4, 5];
const [K, P, Q, I, RJ, A, B, END] = [6, 7, 8, 9, 10, 11, 12, 13];
const O = (j: number) => 13 + j; // o1..o7: 14..20
const M = (j: number) => 21 + j; // m0..m7: 21..28

/** Crosses off one multiple and steps to the next: the generic (not unrolled) step. */
const singleStep: Code[] = [
  set(A, add(get(SEG), get(I))),
  store8(get(A), and(load8(get(A)), load8(get(RJ), MASK_AT))),
  set(I, add(get(I), add(mul(get(Q), load8(get(RJ), STEP_Q_AT)), load8(get(RJ), STEP_C_AT)))),
  set(RJ, load8(get(RJ), NEXT_AT)),
];

/** Loops over primes k < count, loading p, q, i and rj, running `body`, saving i and rj. */
function forEachPrime(...body: Code[]): Code {
  return block(
    loop(
      brIf(1, geU(get(K), get(COUNT))),
      set(P, load32(add(get(PRIMES), mul(get(K), i32(4))))),
      set(Q, divU(get(P), i32(30))),
      set(I, load32(add(get(OFFSETS), mul(get(K), i32(4))))),
      set(RJ, load8(add(get(RJS), get(K)))),
      ...body,
      store32(add(get(OFFSETS), mul(get(K), i32(4))), sub(get(I), get(LEN))),
      store8(add(get(RJS), get(K)), get(RJ)),
      set(K, add(get(K), i32(1))),
      br(0),
    ),
  );
}

/** while (i < length) singleStep */
const stepToEnd = block(loop(brIf(1, geS(get(I), get(LEN))), ...singleStep, br(0)));

const crossOffMedium = forEachPrime(stepToEnd);

const wheelTurn: Code[] = [
  set(B, add(get(SEG), get(I))),
  store8(get(B), and(load8(get(B)), get(M(0)))),
  ...[1, 2, 3, 4, 5, 6, 7].map((j) =>
    store8(tee(A, add(get(B), get(O(j)))), and(load8(get(A)), get(M(j)))),
  ),
  set(I, add(get(I), get(P))),
];

const MULTIPLIER_GAPS = [0, 6, 10, 12, 16, 18, 22, 28];

const crossOffSmall = forEachPrime(
  // Single steps up to the start of a wheel turn.
  block(
    loop(brIf(1, eqz(and(get(RJ), i32(7)))), brIf(1, geS(get(I), get(LEN))), ...singleStep, br(0)),
  ),
  when(
    eqz(and(get(RJ), i32(7))),
    ...[1, 2, 3, 4, 5, 6, 7].map((j) =>
      set(O(j), add(mul(get(Q), i32(MULTIPLIER_GAPS[j])), load8(get(RJ), CARRY_AT + j))),
    ),
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((j) => set(M(j), load8(get(RJ), MASK_AT + j))),
    set(END, sub(get(LEN), get(O(7)))),
    block(loop(brIf(1, geS(get(I), get(END))), ...wheelTurn, br(0))),
    stepToEnd,
  ),
);

// popcount(address, words64) -> bits set in that many 64-bit words.
const popcount = [
  block(
    loop(
      brIf(1, eqz(get(1))),
      set(2, add(get(2), popcount64(get(0)))),
      set(0, add(get(0), i32(8))),
      set(1, sub(get(1), i32(1))),
      br(0),
    ),
  ),
  get(2),
].flat();

// andInto(destination, source, blocks16): destination &= source, 16 bytes at a time.
const andInto = block(
  loop(
    brIf(1, eqz(get(2))),
    v128Store(get(0), v128And(v128Load(get(0)), v128Load(get(1)))),
    set(0, add(get(0), i32(16))),
    set(1, add(get(1), i32(16))),
    set(2, sub(get(2), i32(1))),
    br(0),
  ),
);

const SIEVE_MODULE = encodeModule([
  { name: 'crossOffSmall', params: 6, locals: 23, results: 0, body: crossOffSmall },
  { name: 'crossOffMedium', params: 6, locals: 23, results: 0, body: crossOffMedium },
  { name: 'popcount', params: 2, locals: 1, results: 1, body: popcount },
  { name: 'andInto', params: 3, locals: 0, results: 0, body: andInto },
]);

export interface SieveKernels {
  crossOffSmall(
    segment: number,
    length: number,
    primes: number,
    offsets: number,
    rjs: number,
    count: number,
  ): void;
  crossOffMedium(
    segment: number,
    length: number,
    primes: number,
    offsets: number,
    rjs: number,
    count: number,
  ): void;
  popcount(address: number, words64: number): number;
  andInto(destination: number, source: number, blocks16: number): void;
}

// The compiler's lib (ES2023, no DOM) does not describe WebAssembly; this is the part used.
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Instance: new (module: object, imports: object) => { readonly exports: object };
};

let compiled: object | undefined;

/** Kernels bound to a fresh memory of `bytes` bytes, its tables filled in. */
export function instantiateKernels(bytes: number): {
  kernels: SieveKernels;
  memory: WasmMemory;
} {
  compiled ??= new WebAssembly.Module(SIEVE_MODULE);
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
  const heap = new Uint8Array(memory.buffer);
  heap.set(CLEAR_MASK, MASK_AT);
  heap.set(CARRY, CARRY_AT);
  heap.set(STEP_Q, STEP_Q_AT);
  heap.set(STEP_C, STEP_C_AT);
  heap.set(NEXT_RJ, NEXT_AT);
  const instance = new WebAssembly.Instance(compiled, { env: { memory } });
  return { kernels: instance.exports as unknown as SieveKernels, memory };
}
