/**
 * The hot loops of the Lagarias-Miller-Odlyzko count (prime-pi.ts explains
 * the method) as WebAssembly with 64-bit integers, written with the repository's own
 * encoder (wasm-encoding.ts).
 *
 * Why the encoder and not AssemblyScript: the kernels are two loops over flat arrays, the
 * encoder already builds the sieve's kernels the same way, and it needs no build step, no
 * generated file and no compiler in `npm install`, the test runner or the Lambda bundle; the
 * module is encoded from this file when first used (well under a millisecond). What it
 * costs is that the loops read as folded instructions: every local is named below.
 *
 * Memory (one per count, so counts can run side by side in worker threads): a configuration
 * block of 64-bit slots at address 0 (the CONFIG offsets below), written by the caller, then
 * the caller's arrays at the addresses the block names.
 *
 * sieveSegment(low, high) sieves the odd numbers of one segment [low, high) of [1, z] (bit
 * i of the segment stands for low + 2i; 2 is sieved away by leaving even numbers out) and
 * does everything the count needs from it, in this order:
 *   1. every bit set, then the multiples of the c smallest odd primes crossed off;
 *   2. one counter per block of 2^LOG_BLOCK bits, holding how many of its bits are set;
 *   3. for each prime p_b, b = c + 1, 2, ..., while it still has special leaves
 *      x / (p_b * m) in the segment: the leaves, in ascending order of value, each counted
 *      as phi[b] (the unsieved numbers of earlier segments) plus the set bits up to the
 *      leaf: whole counters first, then a popcount of the last block's words, resuming where
 *      the previous leaf stopped; then phi[b] grows by the segment's unsieved numbers and
 *      p_b's multiples are crossed off, each decrementing its counter (branch-free);
 *   4. the primes up to sqrt(z) not yet crossed off are crossed off without counters, so
 *      the set bits are the primes of the segment (less the sieving primes inside it, which
 *      are counted apart, plus 1, which stands in for 2);
 *   5. P2's values pi(x / p) for the primes y < p <= sqrt(x) whose quotient falls in the
 *      segment, by a running popcount; their sum and pi(high - 1) go back to the caller.
 * It returns the segment's share of S2. Sums come back once per segment, so the caller
 * keeps the totals as BigInt and nothing overflows 64 bits. The leaves x / (p q) <= y of the
 * primes p with p^2 > y are not the sieve's: easyLeaves() counts them from the table of pi.
 *
 * ordinaryLeaves() sums S1 = sum of mu(n) * phi(x / n, c) over n <= y with no prime factor
 * up to p_c, where phi(v, c) = (v / P) * phi(P) + table[v mod P] for the primorial P of c.
 */
import {
  add,
  and,
  block,
  br,
  brIf,
  encodeModule,
  geU,
  get,
  gtS,
  i32,
  ifElse,
  int64,
  leS,
  load32,
  load8,
  loop,
  memoryCopy,
  ltS,
  mul,
  divU,
  eq,
  or,
  select,
  set,
  shl,
  shrU,
  store32,
  store8,
  sub,
  valueType,
  when,
  xor,
  type Code,
  type ValueType,
} from '../sieve/wasm-encoding';

/** Byte offsets of the 64-bit configuration and state slots. */
export const CONFIG = {
  x: 0,
  y: 8,
  /** pi(y): the last prime index with leaves. */
  primesToY: 16,
  c: 24,
  /** pi(sqrt(z)): primes every segment is sieved with. */
  primesToSqrtZ: 32,
  primes: 40,
  muLpf: 48,
  phi: 56,
  offsets: 64,
  sieve: 72,
  counters: 80,
  logBlock: 88,
  tinyTable: 96,
  primorial: 104,
  primorialPhi: 112,
  /** State across segments: the next prime index for P2 (descending), the sum, pi(low - 1). */
  p2Cursor: 120,
  p2Sum: 128,
  primesBefore: 136,
  /** pi(v) for v <= y (piLookup says how), for the leaves x / (p q) of primes q. */
  piTable: 144,
  /**
   * The odd numbers with the primes p_2..p_patternPrimes crossed off, one period of
   * patternBytes bytes (their product) followed by a segment's worth of repetition.
   */
  pattern: 152,
  patternBytes: 160,
  patternPrimes: 168,
} as const;
export const CONFIG_BYTES = 176;

const { i32: I32, i64: I64 } = valueType;

/** Names locals in order (parameters first) so the loops below can say what they touch. */
function frame<P extends string, L extends string>(
  params: Record<P, ValueType>,
  locals: Record<L, ValueType>,
): { params: ValueType[]; locals: ValueType[]; at: Record<P | L, number> } {
  const at = {} as Record<P | L, number>;
  const names = [...Object.keys(params), ...Object.keys(locals)] as (P | L)[];
  names.forEach((n, index) => (at[n] = index));
  return { params: Object.values(params), locals: Object.values(locals), at };
}

const config64 = (slot: number): Code => int64.load(i32(0), slot);
const config32 = (slot: number): Code => int64.low32(config64(slot));
const loadWord = (address: Code): Code => int64.load(address);
const at32 = (base: Code, index: Code): Code => add(base, shl(index, i32(2)));
const at64 = (base: Code, index: Code): Code => add(base, shl(index, i32(3)));

/**
 * pi(v) for v <= y from the table at `table`. With t = (v + 1) / 2 odd numbers up to v, one
 * 16-byte record per 64 odd numbers: a 64-bit word whose bit i is set where 2 (64 r + i) + 1
 * is prime (bit 0 of record 0, the number 1, stands in for 2), then as 32 bits the count of
 * primes below the record's first number. pi(v) is the count of record t / 64 plus the set
 * bits below t mod 64 (less 1 at v = 1, where the stand-in is not 2 yet). About y / 8 bytes in
 * all, so it stays in the cache where an array of 32-bit counts (4 y bytes) would not. `v` is
 * an i32 local.
 */
const piLookup = (table: number, v: number): Code =>
  sub(
    add(
      load32(add(get(table), shl(shrU(add(get(v), i32(1)), i32(7)), i32(4))), 8),
      int64.low32(
        int64.popcnt(
          int64.and(
            int64.load(add(get(table), shl(shrU(add(get(v), i32(1)), i32(7)), i32(4)))),
            int64.sub(
              int64.shl(
                int64.const(1n),
                int64.fromU32(and(shrU(add(get(v), i32(1)), i32(1)), i32(63))),
              ),
              int64.const(1n),
            ),
          ),
        ),
      ),
    ),
    eq(get(v), i32(1)),
  );

const segment = frame(
  { low: I64, high: I64 },
  {
    x: I64,
    p: I64,
    maxM: I64,
    minM: I64,
    quotient: I64,
    s2: I64,
    phiB: I64,
    leafCount: I64,
    p2: I64,
    before64: I64,
    afterY: I64,
    y: I32,
    primesToY: I32,
    c: I32,
    primesToSqrtZ: I32,
    primes: I32,
    muLpf: I32,
    phi: I32,
    offsets: I32,
    sieve: I32,
    counters: I32,
    logBlock: I32,
    bits: I32,
    words: I32,
    blocks: I32,
    wordsPerBlock: I32,
    b: I32,
    prime: I32,
    m: I32,
    mStop: I32,
    mu: I32,
    i: I32,
    j: I32,
    blk: I32,
    before: I32,
    count: I32,
    total: I32,
    address: I32,
    end: I32,
    bit: I32,
    byte: I32,
    bEnd: I32,
    crossedTo: I32,
    inside: I32,
    cursor: I32,
    k: I32,
    piTable: I32,
  },
);
const S = segment.at;
const g = (local: number): Code => get(local);

/** Crosses off p_b's odd multiples from offsets[b] to the segment's end, without counters. */
const crossOffPlain = (b: number): Code[] => [
  set(S.prime, load32(at32(g(S.primes), g(b)))),
  set(S.i, load32(at32(g(S.offsets), g(b)))),
  block(
    loop(
      brIf(1, geU(g(S.i), g(S.bits))),
      set(S.address, add(g(S.sieve), shrU(g(S.i), i32(3)))),
      store8(
        g(S.address),
        and(load8(g(S.address)), xor(shl(i32(1), and(g(S.i), i32(7))), i32(-1))),
      ),
      set(S.i, add(g(S.i), g(S.prime))),
      br(0),
    ),
  ),
  store32(at32(g(S.offsets), g(b)), sub(g(S.i), g(S.bits))),
];

/** count += popcount of the words from `address` up to (not including) `end`. */
const popcountUpTo: Code = block(
  loop(
    brIf(1, geU(g(S.address), g(S.end))),
    set(S.count, add(g(S.count), int64.low32(int64.popcnt(loadWord(g(S.address)))))),
    set(S.address, add(g(S.address), i32(8))),
    br(0),
  ),
);

/** The set bits of the word at `end` up to bit j mod 64, inclusive. */
const bitsThroughJ: Code = int64.low32(
  int64.popcnt(int64.shl(loadWord(g(S.end)), int64.fromU32(sub(i32(63), and(g(S.j), i32(63)))))),
);

const wordAddress = (wordIndex: Code): Code => add(g(S.sieve), shl(wordIndex, i32(3)));

/**
 * leafCount = phi[b] + the set bits up to x / (p m): whole counters from where the last
 * leaf of this prime stopped, then the words of the leaf's block.
 */
const countLeaf: Code[] = [
  set(S.quotient, int64.divU(g(S.x), int64.mul(g(S.p), int64.fromU32(g(S.m))))),
  set(S.j, int64.low32(int64.shrU(int64.sub(g(S.quotient), g(S.low)), int64.const(1n)))),
  set(S.end, shrU(g(S.j), g(S.logBlock))),
  block(
    loop(
      brIf(1, geU(g(S.blk), g(S.end))),
      set(S.before, add(g(S.before), load32(at32(g(S.counters), g(S.blk))))),
      set(S.blk, add(g(S.blk), i32(1))),
      br(0),
    ),
  ),
  set(S.count, g(S.before)),
  set(S.address, wordAddress(mul(g(S.blk), g(S.wordsPerBlock)))),
  set(S.end, wordAddress(shrU(g(S.j), i32(6)))),
  popcountUpTo,
  set(S.count, add(g(S.count), bitsThroughJ)),
  set(S.leafCount, int64.add(int64.fromU32(g(S.count)), g(S.phiB))),
];

const sieveSegmentBody: Code = [
  set(S.x, config64(CONFIG.x)),
  set(S.y, config32(CONFIG.y)),
  set(S.primesToY, config32(CONFIG.primesToY)),
  set(S.c, config32(CONFIG.c)),
  set(S.primesToSqrtZ, config32(CONFIG.primesToSqrtZ)),
  set(S.primes, config32(CONFIG.primes)),
  set(S.muLpf, config32(CONFIG.muLpf)),
  set(S.phi, config32(CONFIG.phi)),
  set(S.offsets, config32(CONFIG.offsets)),
  set(S.sieve, config32(CONFIG.sieve)),
  set(S.counters, config32(CONFIG.counters)),
  set(S.logBlock, config32(CONFIG.logBlock)),
  set(S.piTable, config32(CONFIG.piTable)),
  set(S.afterY, int64.add(int64.fromU32(g(S.y)), int64.const(1n))),

  // 1. Fill: every odd number of the segment unsieved, the padding to the block end zero.
  set(
    S.bits,
    int64.low32(
      int64.shrU(int64.add(int64.sub(g(S.high), g(S.low)), int64.const(1n)), int64.const(1n)),
    ),
  ),
  set(S.words, shrU(add(g(S.bits), i32(63)), i32(6))),
  set(S.wordsPerBlock, shl(i32(1), sub(g(S.logBlock), i32(6)))),
  set(S.blocks, shrU(add(g(S.bits), sub(shl(i32(1), g(S.logBlock)), i32(1))), g(S.logBlock))),
  memoryCopy(
    g(S.sieve),
    add(
      config32(CONFIG.pattern),
      int64.low32(
        int64.remU(
          int64.shrU(int64.sub(g(S.low), int64.const(1n)), int64.const(4n)),
          config64(CONFIG.patternBytes),
        ),
      ),
    ),
    shl(mul(g(S.blocks), g(S.wordsPerBlock)), i32(3)),
  ),
  when(
    and(g(S.bits), i32(63)),
    set(S.address, wordAddress(sub(g(S.words), i32(1)))),
    int64.store(
      g(S.address),
      int64.and(
        loadWord(g(S.address)),
        int64.sub(
          int64.shl(int64.const(1n), int64.fromU32(and(g(S.bits), i32(63)))),
          int64.const(1n),
        ),
      ),
    ),
  ),
  set(S.i, g(S.words)),
  set(S.end, mul(g(S.blocks), g(S.wordsPerBlock))),
  block(
    loop(
      brIf(1, geU(g(S.i), g(S.end))),
      int64.store(wordAddress(g(S.i)), int64.const(0n)),
      set(S.i, add(g(S.i), i32(1))),
      br(0),
    ),
  ),
  set(S.b, add(config32(CONFIG.patternPrimes), i32(1))),
  block(
    loop(brIf(1, gtS(g(S.b), g(S.c))), ...crossOffPlain(S.b), set(S.b, add(g(S.b), i32(1))), br(0)),
  ),

  // 2. Counters.
  set(S.total, i32(0)),
  set(S.blk, i32(0)),
  set(S.address, g(S.sieve)),
  block(
    loop(
      brIf(1, geU(g(S.blk), g(S.blocks))),
      set(S.count, i32(0)),
      set(S.end, add(g(S.address), shl(g(S.wordsPerBlock), i32(3)))),
      popcountUpTo,
      store32(at32(g(S.counters), g(S.blk)), g(S.count)),
      set(S.total, add(g(S.total), g(S.count))),
      set(S.blk, add(g(S.blk), i32(1))),
      br(0),
    ),
  ),

  // 3. Special leaves, prime by prime.
  set(S.s2, int64.const(0n)),
  set(S.b, add(g(S.c), i32(1))),
  block(
    loop(
      brIf(1, gtS(g(S.b), g(S.primesToY))),
      set(S.prime, load32(at32(g(S.primes), g(S.b)))),
      set(S.p, int64.fromU32(g(S.prime))),
      // Where p^2 > y the leaves x / (p q) <= y are counted apart (easyLeaves), so the
      // sieve's start at q = x / (p max(low, y + 1)).
      set(
        S.maxM,
        int64.divU(
          g(S.x),
          int64.mul(
            g(S.p),
            select(
              g(S.afterY),
              g(S.low),
              and(
                int64.gtU(int64.mul(g(S.p), g(S.p)), int64.fromU32(g(S.y))),
                int64.ltU(g(S.low), g(S.afterY)),
              ),
            ),
          ),
        ),
      ),
      when(int64.gtU(g(S.maxM), int64.fromU32(g(S.y))), set(S.maxM, int64.fromU32(g(S.y)))),
      brIf(1, int64.geU(g(S.p), g(S.maxM))),
      set(S.minM, int64.divU(g(S.x), int64.mul(g(S.p), g(S.high)))),
      set(S.quotient, int64.fromU32(divU(g(S.y), g(S.prime)))),
      when(int64.gtU(g(S.quotient), g(S.minM)), set(S.minM, g(S.quotient))),
      // x / (p high) passes 2^31 in the first segments of a large x; mStop is compared signed.
      when(int64.gtU(g(S.minM), g(S.maxM)), set(S.minM, g(S.maxM))),
      set(S.m, int64.low32(g(S.maxM))),
      set(S.mStop, int64.low32(g(S.minM))),
      set(S.blk, i32(0)),
      set(S.before, i32(0)),
      set(S.phiB, int64.load(at64(g(S.phi), g(S.b)))),
      ifElse(
        int64.gtU(int64.mul(g(S.p), g(S.p)), int64.fromU32(g(S.y))),
        // p^2 > y: every m with lpf(m) > p is a prime q (mu = -1), so walk the primes.
        [
          set(S.k, piLookup(S.piTable, S.m)),
          block(
            loop(
              brIf(1, leS(g(S.k), g(S.b))),
              set(S.m, load32(at32(g(S.primes), g(S.k)))),
              brIf(1, leS(g(S.m), g(S.mStop))),
              ...countLeaf,
              set(S.s2, int64.add(g(S.s2), g(S.leafCount))),
              set(S.k, sub(g(S.k), i32(1))),
              br(0),
            ),
          ),
        ],
        [
          block(
            loop(
              brIf(1, leS(g(S.m), g(S.mStop))),
              set(S.mu, load32(at32(g(S.muLpf), g(S.m)))),
              when(
                or(gtS(g(S.mu), g(S.prime)), gtS(sub(i32(0), g(S.mu)), g(S.prime))),
                ...countLeaf,
                set(
                  S.s2,
                  select(
                    int64.add(g(S.s2), g(S.leafCount)),
                    int64.sub(g(S.s2), g(S.leafCount)),
                    ltS(g(S.mu), i32(0)),
                  ),
                ),
              ),
              set(S.m, sub(g(S.m), i32(1))),
              br(0),
            ),
          ),
        ],
      ),
      int64.store(at64(g(S.phi), g(S.b)), int64.add(g(S.phiB), int64.fromU32(g(S.total)))),
      // Cross off p_b's multiples, keeping the counters and the total exact.
      set(S.i, load32(at32(g(S.offsets), g(S.b)))),
      block(
        loop(
          brIf(1, geU(g(S.i), g(S.bits))),
          set(S.address, add(g(S.sieve), shrU(g(S.i), i32(3)))),
          set(S.byte, load8(g(S.address))),
          set(S.bit, and(shrU(g(S.byte), and(g(S.i), i32(7))), i32(1))),
          store8(g(S.address), and(g(S.byte), xor(shl(i32(1), and(g(S.i), i32(7))), i32(-1)))),
          set(S.end, at32(g(S.counters), shrU(g(S.i), g(S.logBlock)))),
          store32(g(S.end), sub(load32(g(S.end)), g(S.bit))),
          set(S.total, sub(g(S.total), g(S.bit))),
          set(S.i, add(g(S.i), g(S.prime))),
          br(0),
        ),
      ),
      store32(at32(g(S.offsets), g(S.b)), sub(g(S.i), g(S.bits))),
      set(S.b, add(g(S.b), i32(1))),
      br(0),
    ),
  ),
  set(S.bEnd, g(S.b)),

  // 4. The remaining primes up to sqrt(z), so that the set bits are primes.
  block(
    loop(
      brIf(1, gtS(g(S.b), g(S.primesToSqrtZ))),
      ...crossOffPlain(S.b),
      set(S.b, add(g(S.b), i32(1))),
      br(0),
    ),
  ),
  set(S.crossedTo, sub(g(S.b), i32(1))),

  // Sieving primes inside the segment were crossed off but are primes.
  set(S.inside, i32(0)),
  when(
    int64.geU(int64.fromU32(load32(at32(g(S.primes), g(S.crossedTo)))), g(S.low)),
    set(S.b, i32(2)),
    block(
      loop(
        brIf(1, gtS(g(S.b), g(S.crossedTo))),
        set(S.p, int64.fromU32(load32(at32(g(S.primes), g(S.b))))),
        brIf(1, int64.geU(g(S.p), g(S.high))),
        when(int64.geU(g(S.p), g(S.low)), set(S.inside, add(g(S.inside), i32(1)))),
        set(S.b, add(g(S.b), i32(1))),
        br(0),
      ),
    ),
  ),

  // 5. P2's prime counts at x / p, ascending as p descends.
  set(S.before64, int64.add(config64(CONFIG.primesBefore), int64.fromU32(g(S.inside)))),
  set(S.cursor, config32(CONFIG.p2Cursor)),
  set(S.p2, config64(CONFIG.p2Sum)),
  set(S.count, i32(0)),
  set(S.address, g(S.sieve)),
  block(
    loop(
      brIf(1, leS(g(S.cursor), g(S.primesToY))),
      set(S.quotient, int64.divU(g(S.x), int64.fromU32(load32(at32(g(S.primes), g(S.cursor)))))),
      brIf(1, int64.geU(g(S.quotient), g(S.high))),
      set(S.j, int64.low32(int64.shrU(int64.sub(g(S.quotient), g(S.low)), int64.const(1n)))),
      set(S.end, wordAddress(shrU(g(S.j), i32(6)))),
      popcountUpTo,
      set(
        S.p2,
        int64.add(g(S.p2), int64.add(g(S.before64), int64.fromU32(add(g(S.count), bitsThroughJ)))),
      ),
      set(S.cursor, sub(g(S.cursor), i32(1))),
      br(0),
    ),
  ),
  set(S.end, wordAddress(g(S.words))),
  popcountUpTo,
  int64.store(i32(0), int64.add(g(S.before64), int64.fromU32(g(S.count))), CONFIG.primesBefore),
  int64.store(i32(0), g(S.p2), CONFIG.p2Sum),
  int64.store(i32(0), int64.fromU32(g(S.cursor)), CONFIG.p2Cursor),
  g(S.s2),
].flat();

const ordinary = frame(
  {},
  {
    x: I64,
    quotient: I64,
    phi: I64,
    s1: I64,
    primorial: I64,
    primorialPhi: I64,
    y: I32,
    muLpf: I32,
    table: I32,
    largestTiny: I32,
    n: I32,
    mu: I32,
  },
);
const O = ordinary.at;

const ordinaryLeavesBody: Code = [
  set(O.x, config64(CONFIG.x)),
  set(O.y, config32(CONFIG.y)),
  set(O.muLpf, config32(CONFIG.muLpf)),
  set(O.table, config32(CONFIG.tinyTable)),
  set(O.primorial, config64(CONFIG.primorial)),
  set(O.primorialPhi, config64(CONFIG.primorialPhi)),
  set(O.largestTiny, load32(at32(config32(CONFIG.primes), config32(CONFIG.c)))),
  set(O.s1, int64.const(0n)),
  set(O.n, i32(1)),
  block(
    loop(
      brIf(1, gtS(g(O.n), g(O.y))),
      set(O.mu, load32(at32(g(O.muLpf), g(O.n)))),
      when(
        or(gtS(g(O.mu), g(O.largestTiny)), gtS(sub(i32(0), g(O.mu)), g(O.largestTiny))),
        set(O.quotient, int64.divU(g(O.x), int64.fromU32(g(O.n)))),
        set(
          O.phi,
          int64.add(
            int64.mul(int64.divU(g(O.quotient), g(O.primorial)), g(O.primorialPhi)),
            int64.fromU32(
              load32(at32(g(O.table), int64.low32(int64.remU(g(O.quotient), g(O.primorial))))),
            ),
          ),
        ),
        ifElse(
          ltS(g(O.mu), i32(0)),
          [set(O.s1, int64.sub(g(O.s1), g(O.phi)))],
          [set(O.s1, int64.add(g(O.s1), g(O.phi)))],
        ),
      ),
      set(O.n, add(g(O.n), i32(1))),
      br(0),
    ),
  ),
  g(O.s1),
].flat();

const easy = frame(
  {},
  {
    x: I64,
    p: I64,
    bound: I64,
    q: I64,
    sum: I64,
    y: I32,
    b: I32,
    primesToY: I32,
    primes: I32,
    piTable: I32,
    l2: I32,
    k: I32,
    v: I32,
    busy: I32,
  },
);
const E = easy.at;

/**
 * How many primes p walk their runs of easy leaves side by side. Each run is a chain of two
 * divisions and four table reads, each waiting on the one before, so one prime at a time
 * leaves the core idle most of the time; interleaving independent chains fills it. Measured
 * on pi(1e16): the runs took 4.6 s one prime at a time and 2.1-2.7 s four at a time; all the
 * easy leaves took 3.7-4.3 s with four lanes, 4.1 s with two and 3.9 s with eight.
 */
const EASY_LANES = 4;

/**
 * The locals of one prime's walk: its index b, x2 = x / p_b, and the primes q of the leaves
 * still to count, p_l down to p_{lMin + 1}.
 */
interface EasyLane {
  readonly b: number;
  readonly x2: number;
  readonly l: number;
  readonly lMin: number;
}
const lanes: EasyLane[] = [];
for (let n = 0; n < EASY_LANES; n++) {
  const first = easy.params.length + easy.locals.length;
  easy.locals.push(I32, I64, I32, I32);
  lanes.push({ b: first, x2: first + 1, l: first + 2, lMin: first + 3 });
}

const primeAt = (index: Code): Code => load32(at32(g(E.primes), index));
/** pi(value) for an i32 value <= y, through the local v. */
const piOf = (value: Code): Code => [set(E.v, value), piLookup(E.piTable, E.v)].flat();
/** pi(x2 / q) for an i64 prime q > x2 / (y + 1), whose quotient is at most y. */
const piOfQuotient = (lane: EasyLane, q: Code): Code =>
  piOf(int64.low32(int64.divU(g(lane.x2), q)));
const primeAt64 = (index: Code): Code => int64.fromU32(primeAt(index));

/**
 * Sets a lane up for p = p_b (an idle lane past pi(y)): counts its trivial leaves at once and
 * leaves in l..lMin the primes q of its easy leaves.
 */
const startLane = (lane: EasyLane): Code =>
  ifElse(
    gtS(g(lane.b), g(E.primesToY)),
    [set(lane.l, i32(0)), set(lane.lMin, i32(0))],
    [
      set(E.p, primeAt64(g(lane.b))),
      set(lane.x2, int64.divU(g(E.x), g(E.p))),
      // The largest q whose leaf is not trivial, at most y.
      set(E.bound, int64.divU(g(lane.x2), g(E.p))),
      when(int64.gtU(g(E.bound), int64.fromU32(g(E.y))), set(E.bound, int64.fromU32(g(E.y)))),
      when(int64.ltU(g(E.bound), g(E.p)), set(E.bound, g(E.p))),
      set(lane.l, piOf(int64.low32(g(E.bound)))),
      set(E.sum, int64.add(g(E.sum), int64.fromU32(sub(g(E.primesToY), g(lane.l))))),
      // The easy leaves: q in (max(p, x / (p (y + 1))), bound].
      set(E.bound, int64.divU(g(lane.x2), int64.add(int64.fromU32(g(E.y)), int64.const(1n)))),
      when(int64.ltU(g(E.bound), g(E.p)), set(E.bound, g(E.p))),
      // bound may pass y, where the table ends; then there are no easy leaves.
      ifElse(
        int64.geU(g(E.bound), primeAt64(g(lane.l))),
        [set(lane.lMin, g(lane.l))],
        [set(lane.lMin, piOf(int64.low32(g(E.bound))))],
      ),
    ],
  );

/**
 * One run of a lane's leaves that share pi(v), while q^2 > x / p: the smallest q' of the run
 * is the prime after x / (p p_{pi(v)+1}). Sets busy when the lane had a run to count.
 */
const countLaneRun = (lane: EasyLane): Code =>
  when(
    gtS(g(lane.l), g(lane.lMin)),
    set(E.q, primeAt64(g(lane.l))),
    when(
      int64.gtU(int64.mul(g(E.q), g(E.q)), g(lane.x2)),
      set(E.k, piOfQuotient(lane, g(E.q))),
      set(E.l2, piOfQuotient(lane, primeAt64(add(g(E.k), i32(1))))),
      when(ltS(g(E.l2), g(lane.lMin)), set(E.l2, g(lane.lMin))),
      set(
        E.sum,
        int64.add(
          g(E.sum),
          int64.mul(
            int64.fromU32(add(sub(g(E.k), g(lane.b)), i32(2))),
            int64.fromU32(sub(g(lane.l), g(E.l2))),
          ),
        ),
      ),
      set(lane.l, g(E.l2)),
      set(E.busy, i32(1)),
    ),
  );

/** The lane's leaves left after its runs, where successive q give different pi(v). */
const countLaneLeaves = (lane: EasyLane): Code =>
  block(
    loop(
      brIf(1, leS(g(lane.l), g(lane.lMin))),
      set(E.k, piOfQuotient(lane, primeAt64(g(lane.l)))),
      set(E.sum, int64.add(g(E.sum), int64.fromU32(add(sub(g(E.k), g(lane.b)), i32(2))))),
      set(lane.l, sub(g(lane.l), i32(1))),
      br(0),
    ),
  );

/**
 * The trivial and easy leaves of the primes p = p_b with p^2 > y, whose leaves are
 * x / (p q) for primes p < q <= y. With v = x / (p q):
 * - v < p (q > x / p^2): phi(v, b - 1) = 1, the only number left is 1; they are counted per
 *   prime from the table of pi, pi(y) - pi(max(p, x / p^2)) at once;
 * - v <= y (q > x / (p (y + 1))), and so v < p^2: the numbers left are 1 and the primes in
 *   [p, v], phi = pi(v) - b + 2, read from the same table. Where q^2 > x / p successive q share
 *   their v's pi, so one division finds the smallest q' of the run (q' > x / (p p_{pi(v)+1}))
 *   and the run is added in one go.
 * The primes go EASY_LANES at a time, their runs interleaved. The sieve counts the rest
 * (v > y). Every term is positive: mu(q) = -1 and S2 carries a minus.
 */
const easyLeavesBody: Code = [
  set(E.x, config64(CONFIG.x)),
  set(E.y, config32(CONFIG.y)),
  set(E.primesToY, config32(CONFIG.primesToY)),
  set(E.primes, config32(CONFIG.primes)),
  set(E.piTable, config32(CONFIG.piTable)),
  set(E.sum, int64.const(0n)),
  // The leaves of the primes with p^2 <= y are all the sieve's.
  set(E.b, add(config32(CONFIG.c), i32(1))),
  block(
    loop(
      brIf(1, gtS(g(E.b), g(E.primesToY))),
      set(E.p, primeAt64(g(E.b))),
      brIf(1, int64.gtU(int64.mul(g(E.p), g(E.p)), int64.fromU32(g(E.y)))),
      set(E.b, add(g(E.b), i32(1))),
      br(0),
    ),
  ),
  block(
    loop(
      brIf(1, gtS(g(E.b), g(E.primesToY))),
      ...lanes.map((lane, n) => [...set(lane.b, add(g(E.b), i32(n))), ...startLane(lane)]),
      block(loop(set(E.busy, i32(0)), ...lanes.map(countLaneRun), brIf(0, g(E.busy)))),
      ...lanes.map(countLaneLeaves),
      set(E.b, add(g(E.b), i32(EASY_LANES))),
      br(0),
    ),
  ),
  g(E.sum),
].flat();

const PRIME_COUNT_MODULE = encodeModule([
  {
    name: 'sieveSegment',
    params: segment.params,
    locals: segment.locals,
    results: [I64],
    body: sieveSegmentBody,
  },
  {
    name: 'ordinaryLeaves',
    params: ordinary.params,
    locals: ordinary.locals,
    results: [I64],
    body: ordinaryLeavesBody,
  },
  {
    name: 'easyLeaves',
    params: easy.params,
    locals: easy.locals,
    results: [I64],
    body: easyLeavesBody,
  },
]);

export interface PrimeCountKernels {
  /** The segment [low, high) of [1, z]; segments must come in order from low = 1. */
  sieveSegment(low: bigint, high: bigint): bigint;
  ordinaryLeaves(): bigint;
  /** The trivial and easy leaves of the primes p with p^2 > y; the sieve counts the rest. */
  easyLeaves(): bigint;
}

// The compiler's lib (ES2023, no DOM) does not describe WebAssembly; this is the part used.
export interface PrimeCountMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number; maximum?: number }) => PrimeCountMemory;
  Instance: new (module: object, imports: object) => { readonly exports: object };
};

let compiled: object | undefined;

/** The kernels over a fresh memory of at least `bytes` bytes. */
export function instantiatePrimeCountKernels(bytes: number): {
  kernels: PrimeCountKernels;
  memory: PrimeCountMemory;
} {
  compiled ??= new WebAssembly.Module(PRIME_COUNT_MODULE);
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
  const instance = new WebAssembly.Instance(compiled, { env: { memory } });
  return { kernels: instance.exports as unknown as PrimeCountKernels, memory };
}
