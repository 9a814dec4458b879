/**
 * Bucket sieving over one bounded window (the large sieving primes of window-sieve.ts).
 *
 * Like bucket-sieve.ts, each large prime waits in the bucket of the segment its next multiple
 * falls in, and a segment crosses off only its own bucket. Two differences make it fit windows
 * near 2^64, where sqrt(hi) approaches 2^32 and tens of millions of primes hit the window:
 *
 * - The window is known in advance, so there is one bucket per segment of it and no ring; a
 *   multiple past the window's end is simply dropped.
 * - Most large primes hit the window once at most. For those only the bit to clear is kept
 *   (2 bytes: buckets of these are 8 KiB slices, so an offset and a bit fit 16 bits), instead
 *   of the prime and its wheel state (8 bytes: q = floor(p / 30), then offset << 6 | rj).
 *   Near 1e18 with a 1e9-wide window that takes the buckets from about 256 MB to 164 MB.
 *
 * Buckets are lists of fixed-size blocks drawn from a free list, so memory follows the
 * entries alive (each prime is in one bucket at a time) and not the largest bucket ever.
 */
import { SEGMENT_BYTES } from './segment-size';
import { CLEAR_MASK, NEXT_RJ, STEP_C, STEP_Q } from './wheel';

const BLOCK_ENTRIES = 4096;
const SEGMENT_SHIFT = Math.log2(SEGMENT_BYTES);
const SLICE_SHIFT = 13;
const SLICES_PER_SEGMENT = SEGMENT_BYTES >>> SLICE_SHIFT;
const SLAB_BYTES = 1 << 22;

// Module-level copies: transpiled imports are property reads on every use, and add runs
// once per sieving prime (hundreds of millions near 2^64).
const stepQ = STEP_Q;
const stepC = STEP_C;

/** The bit each wheel state rj clears, as an index 0..7. */
const bitOfRj = Uint8Array.from(CLEAR_MASK, (mask) => 31 - Math.clz32(~mask & 0xff));

export class WindowBuckets {
  /** Per segment: blocks of (q, offset << 6 | rj) pairs, the last one filled to fullFill. */
  private readonly full: Uint32Array[][];
  private readonly fullFill: Int32Array;
  /** Per 8 KiB slice: blocks of (offset in slice << 3 | bit). */
  private readonly hits: Uint16Array[][];
  private readonly hitFill: Int32Array;
  private readonly spareFull: Uint32Array[] = [];
  private readonly spareHits: Uint16Array[] = [];
  private readonly windowBytes: number;
  private slab = new ArrayBuffer(0);
  private slabUsed = SLAB_BYTES;
  /** Bytes of slabs taken: blocks are reused, never freed, so this is also the peak. */
  peakBytes = 0;

  constructor(windowBytes: number) {
    this.windowBytes = windowBytes;
    const segments = Math.ceil(windowBytes / SEGMENT_BYTES);
    this.full = Array.from({ length: segments }, () => []);
    this.fullFill = new Int32Array(segments).fill(2 * BLOCK_ENTRIES);
    this.hits = Array.from({ length: segments * SLICES_PER_SEGMENT }, () => []);
    this.hitFill = new Int32Array(segments * SLICES_PER_SEGMENT).fill(BLOCK_ENTRIES);
  }

  /**
   * Adds the prime 30q + r (wheel state rj) whose next multiple lies `offset` bytes into the
   * window; drops it if that is past the window's end, keeps only the bit if the multiple
   * after it is.
   */
  add(q: number, rj: number, offset: number): void {
    const end = this.windowBytes;
    if (offset >= end) return;
    if (offset + q * stepQ[rj] + stepC[rj] >= end) {
      const slice = offset >>> SLICE_SHIFT;
      let n = this.hitFill[slice];
      const blocks = this.hits[slice];
      if (n === BLOCK_ENTRIES) {
        blocks.push(this.spareHits.pop() ?? this.newHitBlock());
        n = 0;
      }
      blocks[blocks.length - 1][n] = ((offset & ((1 << SLICE_SHIFT) - 1)) << 3) | bitOfRj[rj];
      this.hitFill[slice] = n + 1;
      return;
    }
    this.pushFull(offset >>> SEGMENT_SHIFT, q, ((offset & (SEGMENT_BYTES - 1)) << 6) | rj);
  }

  private pushFull(segment: number, q: number, packed: number): void {
    let n = this.fullFill[segment];
    const blocks = this.full[segment];
    if (n === 2 * BLOCK_ENTRIES) {
      blocks.push(this.spareFull.pop() ?? this.newFullBlock());
      n = 0;
    }
    const block = blocks[blocks.length - 1];
    block[n] = q;
    block[n + 1] = packed;
    this.fullFill[segment] = n + 2;
  }

  private newFullBlock(): Uint32Array {
    const at = this.carve(8 * BLOCK_ENTRIES);
    return new Uint32Array(this.slab, at, 2 * BLOCK_ENTRIES);
  }

  private newHitBlock(): Uint16Array {
    const at = this.carve(2 * BLOCK_ENTRIES);
    return new Uint16Array(this.slab, at, BLOCK_ENTRIES);
  }

  /**
   * Where a fresh block's bytes start in the current slab. Blocks are cut from slabs of
   * SLAB_BYTES: tens of thousands of small typed arrays would each be an external
   * allocation, and V8 answers a fast-growing external heap with full garbage collections
   * (measured: a 1e9-wide window near 1e18 took 11.2 s of CPU to set up with one array per
   * block, 8.4 s with slabs).
   */
  private carve(bytes: number): number {
    if (this.slabUsed + bytes > SLAB_BYTES) {
      this.slab = new ArrayBuffer(SLAB_BYTES);
      this.slabUsed = 0;
      this.peakBytes += SLAB_BYTES;
    }
    const at = this.slabUsed;
    this.slabUsed += bytes;
    return at;
  }

  /**
   * Crosses off segment `segment`'s buckets in bytes[0, length), moving each full entry on
   * to the segment of its next multiple. Segments are crossed off in order, each once; every
   * one but the last is exactly SEGMENT_BYTES long.
   */
  crossOff(segment: number, bytes: Uint8Array, length: number): void {
    const clearMask = CLEAR_MASK;
    const nextRj = NEXT_RJ;
    const segments = this.full.length;
    const blocks = this.full[segment];
    const lastFill = this.fullFill[segment];
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      const n = b === blocks.length - 1 ? lastFill : 2 * BLOCK_ENTRIES;
      for (let e = 0; e < n; e += 2) {
        const q = block[e];
        const packed = block[e + 1];
        let rj = packed & 63;
        let i = packed >>> 6;
        while (i < length) {
          bytes[i] &= clearMask[rj];
          i += q * stepQ[rj] + stepC[rj];
          rj = nextRj[rj];
        }
        const target = segment + Math.floor(i / SEGMENT_BYTES);
        if (target !== segment && target < segments)
          this.pushFull(target, q, ((i & (SEGMENT_BYTES - 1)) << 6) | rj);
      }
      this.spareFull.push(block);
    }
    blocks.length = 0;
    this.fullFill[segment] = 2 * BLOCK_ENTRIES;

    for (let s = 0; s < SLICES_PER_SEGMENT; s++) {
      const slice = segment * SLICES_PER_SEGMENT + s;
      if (slice >= this.hits.length) break;
      const hitBlocks = this.hits[slice];
      const hitFill = this.hitFill[slice];
      const base = s << SLICE_SHIFT;
      for (let b = 0; b < hitBlocks.length; b++) {
        const block = hitBlocks[b];
        const n = b === hitBlocks.length - 1 ? hitFill : BLOCK_ENTRIES;
        for (let e = 0; e < n; e++) {
          const hit = block[e];
          bytes[base + (hit >>> 3)] &= ~(1 << (hit & 7));
        }
        this.spareHits.push(block);
      }
      hitBlocks.length = 0;
      this.hitFill[slice] = BLOCK_ENTRIES;
    }
  }
}
