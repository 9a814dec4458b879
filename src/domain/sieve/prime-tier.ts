/** One tier's per-prime state in engine memory: prime, byte offset of next multiple, rj. */
export class PrimeTier {
  readonly primesAt: number;
  readonly offsetsAt: number;
  readonly rjsAt: number;
  count = 0;
  private readonly primes: Uint32Array;
  private readonly offsets: Int32Array;
  private readonly rjs: Uint8Array;

  constructor(buffer: ArrayBuffer, at: number, capacity: number) {
    this.primesAt = at;
    this.offsetsAt = at + 4 * capacity;
    this.rjsAt = at + 8 * capacity;
    this.primes = new Uint32Array(buffer, this.primesAt, capacity);
    this.offsets = new Int32Array(buffer, this.offsetsAt, capacity);
    this.rjs = new Uint8Array(buffer, this.rjsAt, capacity);
  }

  add(p: number, offset: number, rj: number): void {
    const n = this.count++;
    this.primes[n] = p;
    this.offsets[n] = offset;
    this.rjs[n] = rj;
  }
}
