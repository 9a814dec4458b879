/**
 * Bucket sieving (Tomás Oliveira e Silva's method) for sieving primes much larger than a
 * segment: most segments hold none of their multiples, so visiting every such prime in
 * every segment would cost far more than the crossing off. Instead each prime waits in the
 * bucket of the segment its next multiple falls in; a segment crosses off exactly the
 * primes in its bucket and moves each one on to the bucket of its following multiple.
 *
 * Buckets form a ring, one per segment ahead, long enough for the largest step. An entry is
 * two 32-bit words: q * 64 + rj (prime 30q + r, wheel state rj) and the byte offset of the
 * multiple inside its segment.
 */
import { CLEAR_MASK, NEXT_RJ, STEP_C, STEP_Q } from './wheel';

const INITIAL_WORDS = 1024;

export class BucketSieve {
  private readonly buckets: Uint32Array[];
  private readonly fill: Int32Array;
  private readonly shift: number;
  private readonly offsetMask: number;
  private current = 0;

  /** segmentBytes must be a power of two; maxStepBytes bounds any offset ever added. */
  constructor(segmentBytes: number, maxStepBytes: number) {
    this.shift = Math.log2(segmentBytes);
    this.offsetMask = segmentBytes - 1;
    const ring = Math.ceil(maxStepBytes / segmentBytes) + 2;
    this.buckets = Array.from({ length: ring }, () => new Uint32Array(INITIAL_WORDS));
    this.fill = new Int32Array(ring);
  }

  /** Adds the prime 30q + r whose next multiple is `offset` bytes past the current segment. */
  add(q: number, rj: number, offset: number): void {
    const target = (this.current + (offset >>> this.shift)) % this.buckets.length;
    this.push(target, q * 64 + rj, offset & this.offsetMask);
  }

  private push(target: number, entry: number, offset: number): void {
    let bucket = this.buckets[target];
    const n = this.fill[target];
    if (n === bucket.length) {
      const grown = new Uint32Array(n * 2);
      grown.set(bucket);
      this.buckets[target] = bucket = grown;
    }
    bucket[n] = entry;
    bucket[n + 1] = offset;
    this.fill[target] = n + 2;
  }

  /**
   * Crosses off the current segment's bucket in bytes[0, length) and moves on to the next
   * segment. Every segment but the last is exactly segmentBytes long.
   */
  crossOff(bytes: Uint8Array, length: number): void {
    const cur = this.current;
    const bucket = this.buckets[cur];
    const n = this.fill[cur];
    const ring = this.buckets.length;
    const shift = this.shift;
    const mask = this.offsetMask;
    // Locals, not the imports: transpiled imports are property reads on every use.
    const clearMask = CLEAR_MASK;
    const stepQ = STEP_Q;
    const stepC = STEP_C;
    const nextRj = NEXT_RJ;
    for (let e = 0; e < n; e += 2) {
      const entry = bucket[e];
      const q = entry >>> 6;
      let rj = entry & 63;
      let i = bucket[e + 1];
      while (i < length) {
        bytes[i] &= clearMask[rj];
        i += q * stepQ[rj] + stepC[rj];
        rj = nextRj[rj];
      }
      let target = cur + (i >>> shift);
      if (target >= ring) target -= ring;
      // Inlined push: this is the hot loop for large ranges at large offsets.
      let dest = this.buckets[target];
      const d = this.fill[target];
      if (d === dest.length) {
        const grown = new Uint32Array(d * 2);
        grown.set(dest);
        this.buckets[target] = dest = grown;
      }
      dest[d] = entry - (entry & 63) + rj;
      dest[d + 1] = i & mask;
      this.fill[target] = d + 2;
    }
    this.fill[cur] = 0;
    this.current = cur + 1 === ring ? 0 : cur + 1;
  }
}
