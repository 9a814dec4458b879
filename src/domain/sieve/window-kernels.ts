/**
 * The window sieve's large-prime loops as WebAssembly with 64-bit integers, written with the
 * repository's own encoder (wasm-encoding.ts): placing every sieving prime from 2^19 up to
 * sqrt(to) in the bucket of its first multiple in the window, and crossing off one segment's
 * buckets. In JavaScript these two loops took 25-30 ns a prime near 1e18 (a division by
 * 16-bit Horner steps in doubles, then typed-array pushes); here it is one unsigned 64-bit
 * division and a few stores.
 *
 * First multiples. For p < 2^32 and from < 2^64, m0 = ceil(from / p) comes from one
 * i64.div_u, and d = p * m0 - from < p from the remainder: the difference is computed as
 * p - (from - p * floor(from / p)), so p * m0 is never formed and nothing wraps even where
 * p * m0 passes 2^64. Rounding m0 up to the next multiplier m coprime to 30 adds
 * ROUND_UP_DELTA[m0 mod 30] * p, so the multiple sits v = d + (from - 30 * floor(from / 30))
 * + delta * p < 7p + 30 < 2^35 values past the window's first byte, in byte floor(v / 30).
 * Multiples past the window's last byte are dropped there and then.
 *
 * Buckets (primesieve's EratBig, with one bucket per segment of the window instead of a
 * ring, since the window is known in advance). A prime whose next multiple after this one
 * still falls in the window keeps 8 bytes in the bucket of its segment: q = floor(p / 30),
 * then (offset in segment) << 6 | rj. A prime with one multiple left keeps 2 bytes in the
 * bucket of its 8 KiB slice: (offset in slice) << 3 | bit. Near 1e18, with a window of 1e9,
 * most of the 32 million primes that hit the window hit it once, so that takes the buckets
 * from about 256 MB to 164 MB.
 *
 * Each bucket is a chain of 8 KiB blocks aligned to 8 KiB. A bucket is known by the address
 * just past its last entry (0 when empty): when that address is a multiple of 8 KiB, the
 * block is full and the next entry opens a new one. Each block's first word links to the
 * block before it. Crossed-off blocks go to a free list, so memory follows the entries alive
 * (each prime waits in one bucket at a time), not the most a bucket ever held; the memory
 * grows only when the free list is empty.
 */
import {
  add,
  and,
  block,
  br,
  brIf,
  call,
  divU,
  encodeModule,
  eq,
  eqz,
  geU,
  get,
  gtU,
  i32,
  ifElse,
  int64,
  load16,
  load32,
  load8,
  loop,
  memoryGrow,
  memorySize,
  mul,
  ne,
  or,
  remU,
  ret,
  select,
  set,
  shl,
  shrU,
  store16,
  store32,
  store8,
  sub,
  tee,
  unreachable,
  valueType,
  when,
  xor,
  type Code,
  type ValueType,
} from './wasm-encoding';
import {
  BIT_OF_RESIDUE,
  CLEAR_MASK,
  NEXT_RJ,
  ROUND_UP_DELTA,
  ROUND_UP_INDEX,
  STEP_C,
  STEP_Q,
} from './wheel';

/** Where each table, setting and area sits in a window's memory. */
export const WINDOW_LAYOUT = {
  mask: 0,
  stepQ: 64,
  stepC: 128,
  nextRj: 192,
  /** The bit (0..7) each wheel state clears. */
  bitOfRj: 256,
  roundUpDelta: 320,
  roundUpIndex: 352,
  /** 8 * BIT_OF_RESIDUE[r], for r coprime to 30. */
  residueRow: 384,
  /** from, as a u64. */
  from: 448,
  /** from - 30 * floor(from / 30). */
  headCut: 456,
  windowBytes: 460,
  segments: 464,
  /** The first free block, 0 if none. */
  freeBlock: 468,
  /** The address the next block is carved at: blocks are never given back to the memory. */
  nextBlock: 472,
  /** Per segment, the end of its bucket of 8-byte entries (at most 512 segments). */
  fullEnds: 1024,
  /** Per 8 KiB slice, the end of its bucket of 2-byte entries (at most 4096 slices). */
  hitEnds: 3072,
  /** The segment being crossed off, 64 KiB. */
  segment: 32768,
  /** The sieving primes of one call to placePrimes, as u32 (at most 2^19 of them). */
  primes: 131072,
  blocks: 2228224,
} as const;
export const MAX_PLACED_PRIMES = (WINDOW_LAYOUT.blocks - WINDOW_LAYOUT.primes) / 4;
export const BLOCK_BYTES = 8192;
const BLOCK_HEADER = 8;
const GROW_PAGES = 64;
const SLICE_SHIFT = 13;
const SLICES_PER_SEGMENT = 8;
const SEGMENT_SHIFT = 16;

const L = WINDOW_LAYOUT;
const { i32: I32, i64: I64 } = valueType;

/** A function's locals by name, i32s then i64s, after its i32 parameters. */
function localsOf<const N extends string, const W extends string = never>(
  params: readonly string[],
  narrow: readonly N[],
  wide: readonly W[] = [],
): { at: Record<N | W, number>; types: ValueType[] } {
  const at = {} as Record<N | W, number>;
  [...narrow, ...wide].forEach((name, index) => (at[name] = params.length + index));
  return { at, types: [...narrow.map(() => I32), ...wide.map(() => I64)] };
}

const g = get;
const setting = (address: number): Code => load32(i32(0), address);

// allocateBlock() -> address of a free 8 KiB block.
const ALLOCATE = 0;
const allocateBlock: Code = [
  set(0, setting(L.freeBlock)),
  when(ne(g(0), i32(0)), store32(i32(0), load32(g(0)), L.freeBlock), ret(g(0))),
  set(0, setting(L.nextBlock)),
  when(
    gtU(add(g(0), i32(BLOCK_BYTES)), shl(memorySize(), i32(16))),
    when(eq(memoryGrow(i32(GROW_PAGES)), i32(-1)), unreachable()),
  ),
  store32(i32(0), add(g(0), i32(BLOCK_BYTES)), L.nextBlock),
  g(0),
].flat();

/**
 * Appends one entry to the bucket whose end is stored at `endAt`: opens a block first if the
 * last one is full (or there is none), then runs `write` with local `entry` at the slot.
 */
function pushEntry(
  locals: { endAt: number; entry: number; opened: number },
  endAt: Code,
  entryBytes: number,
  write: Code[],
): Code[] {
  const { endAt: e, entry, opened } = locals;
  return [
    set(e, endAt),
    set(entry, load32(g(e))),
    when(
      eqz(and(g(entry), i32(BLOCK_BYTES - 1))),
      set(opened, call(ALLOCATE)),
      store32(g(opened), select(sub(g(entry), i32(BLOCK_BYTES)), i32(0), g(entry))),
      set(entry, add(g(opened), i32(BLOCK_HEADER))),
    ),
    ...write,
    store32(g(e), add(g(entry), i32(entryBytes))),
  ];
}

/**
 * Appends the 8-byte entry of prime 30q + r, wheel state rj, whose next multiple lies in
 * byte `offset` (locals; only its low 16 bits are kept) of segment `segment`.
 */
function pushFull(
  locals: { endAt: number; entry: number; opened: number },
  segment: Code,
  q: number,
  offset: number,
  rj: number,
): Code[] {
  return pushEntry(locals, add(i32(L.fullEnds), shl(segment, i32(2))), 8, [
    store32(g(locals.entry), g(q)),
    store32(
      g(locals.entry),
      or(shl(and(g(offset), i32((1 << SEGMENT_SHIFT) - 1)), i32(6)), g(rj)),
      4,
    ),
  ]);
}

/**
 * Runs `body` on every entry (local `at` its address) of the bucket whose end is stored at
 * `endAt`, empties the bucket, and hands its blocks to the free list. The body may push to
 * other buckets: a block is freed only once all of its entries are read.
 */
function drainBucket(
  locals: { end: number; first: number; at: number; before: number },
  endAt: Code,
  entryBytes: number,
  body: Code[],
): Code[] {
  const { end, first, at, before } = locals;
  return [
    set(before, endAt),
    set(end, load32(g(before))),
    store32(g(before), i32(0)),
    block(
      loop(
        brIf(1, eqz(g(end))),
        set(first, and(sub(g(end), i32(1)), i32(-BLOCK_BYTES))),
        set(at, add(g(first), i32(BLOCK_HEADER))),
        block(
          loop(brIf(1, geU(g(at), g(end))), ...body, set(at, add(g(at), i32(entryBytes))), br(0)),
        ),
        set(before, load32(g(first))),
        store32(g(first), setting(L.freeBlock)),
        store32(i32(0), g(first), L.freeBlock),
        set(end, select(add(g(before), i32(BLOCK_BYTES)), i32(0), g(before))),
        br(0),
      ),
    ),
  ];
}

/** The locals pushEntry works with. */
const PUSH_LOCALS = ['endAt', 'entry', 'opened'] as const;
/** The locals drainBucket works with. */
const DRAIN_LOCALS = ['end', 'first', 'at', 'before'] as const;

const place = localsOf(
  ['primesAt', 'count'],
  [...PUSH_LOCALS, 'k', 'p', 'q', 'rj', 'mr', 'offset', 'step', 'windowBytes'],
  ['from', 'prime', 'multiplier', 'distance', 'value', 'windowValue', 'headCut'],
);
const P = place.at;
const [PRIMES_AT, COUNT] = [0, 1];

// placePrimes(primesAt, count): puts each prime of the u32 array in the bucket of its first
// multiple in the window, or drops it if that lies past the window.
const placePrimes: Code = [
  set(P.from, int64.load(i32(0), L.from)),
  set(P.windowBytes, setting(L.windowBytes)),
  set(P.windowValue, int64.mul(int64.fromU32(g(P.windowBytes)), int64.const(30n))),
  set(P.headCut, int64.fromU32(setting(L.headCut))),
  set(P.k, i32(0)),
  block(
    loop(
      brIf(1, geU(g(P.k), g(COUNT))),
      block(
        set(P.p, load32(add(g(PRIMES_AT), shl(g(P.k), i32(2))))),
        set(P.prime, int64.fromU32(g(P.p))),
        set(P.multiplier, int64.divU(g(P.from), g(P.prime))),
        // from mod p, then p * ceil(from / p) - from.
        set(P.distance, int64.sub(g(P.from), int64.mul(g(P.multiplier), g(P.prime)))),
        when(
          int64.ne(g(P.distance), int64.const(0n)),
          set(P.multiplier, int64.add(g(P.multiplier), int64.const(1n))),
          set(P.distance, int64.sub(g(P.prime), g(P.distance))),
        ),
        // m0 mod 30 from its 32-bit halves (2^32 mod 30 = 16): V8 reduces i32 remainders by
        // a constant to multiplications, not i64 ones.
        set(
          P.mr,
          remU(
            add(
              mul(int64.low32(int64.shrU(g(P.multiplier), int64.const(32n))), i32(16)),
              remU(int64.low32(g(P.multiplier)), i32(30)),
            ),
            i32(30),
          ),
        ),
        set(
          P.value,
          int64.add(
            int64.add(g(P.distance), g(P.headCut)),
            int64.mul(int64.fromU32(load8(g(P.mr), L.roundUpDelta)), g(P.prime)),
          ),
        ),
        brIf(0, int64.geU(g(P.value), g(P.windowValue))),
        set(P.offset, divU(int64.low32(g(P.value)), i32(30))),
        set(P.q, divU(g(P.p), i32(30))),
        set(
          P.rj,
          add(
            load8(sub(g(P.p), mul(g(P.q), i32(30))), L.residueRow),
            load8(g(P.mr), L.roundUpIndex),
          ),
        ),
        set(P.step, add(mul(g(P.q), load8(g(P.rj), L.stepQ)), load8(g(P.rj), L.stepC))),
        ifElse(
          geU(add(g(P.offset), g(P.step)), g(P.windowBytes)),
          pushEntry(P, add(i32(L.hitEnds), shl(shrU(g(P.offset), i32(SLICE_SHIFT)), i32(2))), 2, [
            store16(
              g(P.entry),
              or(
                shl(and(g(P.offset), i32((1 << SLICE_SHIFT) - 1)), i32(3)),
                load8(g(P.rj), L.bitOfRj),
              ),
            ),
          ]),
          pushFull(P, shrU(g(P.offset), i32(SEGMENT_SHIFT)), P.q, P.offset, P.rj),
        ),
      ),
      set(P.k, add(g(P.k), i32(1))),
      br(0),
    ),
  ),
].flat();

const cross = localsOf(
  ['segment', 'length'],
  [
    ...PUSH_LOCALS,
    ...DRAIN_LOCALS,
    'segments',
    'q',
    'i',
    'rj',
    'target',
    'address',
    'slice',
    'sliceAt',
    'hit',
  ],
);
const C = cross.at;
const [SEGMENT, LENGTH] = [0, 1];

// crossOffSegment(segment, length): crosses off the buckets of window segment `segment`,
// copied to WINDOW_LAYOUT.segment, and moves each 8-byte entry on to the bucket of the
// segment of its next multiple (dropping it past the window).
const crossOffSegment: Code = [
  set(C.segments, setting(L.segments)),
  ...drainBucket(C, add(i32(L.fullEnds), shl(g(SEGMENT), i32(2))), 8, [
    set(C.q, load32(g(C.at))),
    set(C.i, load32(g(C.at), 4)),
    set(C.rj, and(g(C.i), i32(63))),
    set(C.i, shrU(g(C.i), i32(6))),
    block(
      loop(
        brIf(1, geU(g(C.i), g(LENGTH))),
        store8(
          tee(C.address, add(g(C.i), i32(L.segment))),
          and(load8(g(C.address)), load8(g(C.rj), L.mask)),
        ),
        set(C.i, add(g(C.i), add(mul(g(C.q), load8(g(C.rj), L.stepQ)), load8(g(C.rj), L.stepC)))),
        set(C.rj, load8(g(C.rj), L.nextRj)),
        br(0),
      ),
    ),
    // Only the window's last segment is shorter than 64 KiB: a multiple left inside its
    // 64 KiB span lies past the window.
    set(C.target, add(g(SEGMENT), shrU(g(C.i), i32(SEGMENT_SHIFT)))),
    when(
      and(gtU(g(C.target), g(SEGMENT)), gtU(g(C.segments), g(C.target))),
      ...pushFull(C, g(C.target), C.q, C.i, C.rj),
    ),
  ]),
  set(C.slice, i32(0)),
  block(
    loop(
      brIf(1, geU(g(C.slice), i32(SLICES_PER_SEGMENT))),
      set(C.sliceAt, add(i32(L.segment), shl(g(C.slice), i32(SLICE_SHIFT)))),
      ...drainBucket(
        C,
        add(i32(L.hitEnds), shl(add(mul(g(SEGMENT), i32(SLICES_PER_SEGMENT)), g(C.slice)), i32(2))),
        2,
        [
          set(C.hit, load16(g(C.at))),
          store8(
            tee(C.address, add(g(C.sliceAt), shrU(g(C.hit), i32(3)))),
            and(load8(g(C.address)), xor(shl(i32(1), and(g(C.hit), i32(7))), i32(-1))),
          ),
        ],
      ),
      set(C.slice, add(g(C.slice), i32(1))),
      br(0),
    ),
  ),
].flat();

const WINDOW_MODULE = encodeModule([
  { name: 'allocateBlock', params: 0, locals: 1, results: 1, body: allocateBlock },
  { name: 'placePrimes', params: 2, locals: place.types, results: 0, body: placePrimes },
  { name: 'crossOffSegment', params: 2, locals: cross.types, results: 0, body: crossOffSegment },
]);

export interface WindowKernels {
  placePrimes(primesAt: number, count: number): void;
  crossOffSegment(segment: number, length: number): void;
}

export interface WindowMemory {
  readonly buffer: ArrayBuffer;
}
// The compiler's lib (ES2023, no DOM) does not describe WebAssembly: the part used here.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => WindowMemory;
  Instance: new (module: object, imports: object) => { readonly exports: object };
};

let compiled: object | undefined;

/** The kernels over a fresh memory of one window, its tables filled in. */
export function instantiateWindowKernels(): { kernels: WindowKernels; memory: WindowMemory } {
  compiled ??= new WebAssembly.Module(WINDOW_MODULE);
  const memory = new WebAssembly.Memory({ initial: L.blocks / 65536 + 1 });
  const heap = new Uint8Array(memory.buffer);
  heap.set(CLEAR_MASK, L.mask);
  heap.set(STEP_Q, L.stepQ);
  heap.set(STEP_C, L.stepC);
  heap.set(NEXT_RJ, L.nextRj);
  heap.set(
    CLEAR_MASK.map((mask) => 31 - Math.clz32(~mask & 0xff)),
    L.bitOfRj,
  );
  heap.set(ROUND_UP_DELTA, L.roundUpDelta);
  heap.set(ROUND_UP_INDEX, L.roundUpIndex);
  heap.set(
    Array.from(BIT_OF_RESIDUE, (bit) => (bit < 0 ? 0 : 8 * bit)),
    L.residueRow,
  );
  new Uint32Array(memory.buffer, L.nextBlock, 1)[0] = L.blocks;
  const instance = new WebAssembly.Instance(compiled, { env: { memory } });
  return { kernels: instance.exports as unknown as WindowKernels, memory };
}
