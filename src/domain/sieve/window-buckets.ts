/**
 * The buckets of one window's large sieving primes (from 2^19 up to sqrt(to)), kept in a
 * WebAssembly memory of their own and worked by the kernels of window-kernels.ts, which
 * explains the first multiples and the bucket layout.
 *
 * The segment being sieved lives in the sieve's own memory (its pre-sieve patterns and
 * small and medium primes work there), so each segment is copied in, crossed off here and
 * copied back: two copies of 64 KiB, a few microseconds against the milliseconds a segment
 * near 1e18 takes.
 */
import { SEGMENT_BYTES } from './segment-size';
import {
  MAX_PLACED_PRIMES,
  WINDOW_LAYOUT,
  instantiateWindowKernels,
  type WindowKernels,
  type WindowMemory,
} from './window-kernels';

const L = WINDOW_LAYOUT;

export class WindowBuckets {
  private readonly kernels: WindowKernels;
  private readonly memory: WindowMemory;

  /**
   * Buckets for the window of `windowBytes` bytes (at most 2^25) whose first byte starts at
   * from - headCut; the kernels read both from the memory.
   */
  constructor(from: bigint, headCut: number, windowBytes: number) {
    const { kernels, memory } = instantiateWindowKernels();
    this.kernels = kernels;
    this.memory = memory;
    new BigUint64Array(memory.buffer, L.from, 1)[0] = from;
    const settings = new Uint32Array(memory.buffer);
    settings[L.headCut >>> 2] = headCut;
    settings[L.windowBytes >>> 2] = windowBytes;
    settings[L.segments >>> 2] = Math.ceil(windowBytes / SEGMENT_BYTES);
  }

  /** Bytes of blocks carved: blocks are reused, never given back, so this is also the peak. */
  get peakBytes(): number {
    return new Uint32Array(this.memory.buffer, L.nextBlock, 1)[0] - L.blocks;
  }

  /** Places primes[0, count), each prime below 2^32 and not pre-sieved, in the buckets. */
  place(primes: Float64Array, count: number): void {
    for (let at = 0; at < count; at += MAX_PLACED_PRIMES) {
      const n = Math.min(MAX_PLACED_PRIMES, count - at);
      new Uint32Array(this.memory.buffer, L.primes, n).set(primes.subarray(at, at + n));
      this.kernels.placePrimes(L.primes, n);
    }
  }

  /**
   * Crosses off segment `segment`'s buckets in bytes[0, length). Segments are crossed off
   * in order, each once; every one but the last is exactly SEGMENT_BYTES long.
   */
  crossOff(segment: number, bytes: Uint8Array, length: number): void {
    const inside = new Uint8Array(this.memory.buffer, L.segment, length);
    inside.set(bytes.subarray(0, length));
    this.kernels.crossOffSegment(segment, length);
    // Growing the memory replaces its buffer: a view made before the call may be empty.
    bytes.set(new Uint8Array(this.memory.buffer, L.segment, length));
  }
}
