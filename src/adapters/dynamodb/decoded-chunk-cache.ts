import type { ChunkCacheUsage } from '../../ports/prime-repository';

/**
 * 128 MiB of decoded primes: 256 full chunks of 65,536 (every prime below about 3.4e8). The
 * Lambda has 1,769 MB; its largest answer (a direct invoke of the 664,579 primes <= 1e7, as
 * numbers and as JSON) needs some 30 MB beside it, and a CLI command stays well under 256 MB.
 */
export const DEFAULT_CHUNK_CACHE_BYTES = 128 * 1024 * 1024;

/**
 * Decoded chunks by index, least recently used first out, bounded by the bytes their primes
 * take. A chunk's primes at the positions it holds never change: the store only grows, and a
 * chunk is replaced only by a longer one with the same primes in front. So a kept chunk answers
 * every later read of the positions it held, in any process, and only a read that needs more of
 * a chunk than was kept (the last, partial one) goes back to the store.
 */
export class DecodedChunkCache {
  private readonly chunks = new Map<number, Float64Array>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(readonly maxBytes = DEFAULT_CHUNK_CACHE_BYTES) {
    if (!Number.isInteger(maxBytes) || maxBytes < 0) {
      throw new RangeError('the chunk cache bound must be a whole number of bytes >= 0');
    }
  }

  /** The chunk's primes when at least `needed` of them were kept; counts a hit or a miss. */
  take(index: number, needed: number): Float64Array | undefined {
    const primes = this.chunks.get(index);
    if (primes === undefined || primes.length < needed) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Map keeps insertion order: moving it to the back makes the front the least recently used.
    this.chunks.delete(index);
    this.chunks.set(index, primes);
    return primes;
  }

  /** Whether `take` would find the chunk, without counting it as a hit or a miss. */
  holds(index: number, needed: number): boolean {
    return (this.chunks.get(index)?.length ?? -1) >= needed;
  }

  /** Keeps a chunk read from the store, unless as many of its primes are kept already. */
  keep(index: number, primes: Float64Array): void {
    const held = this.chunks.get(index);
    if (held !== undefined) {
      if (held.length >= primes.length) return;
      this.chunks.delete(index);
      this.bytes -= held.byteLength;
    }
    if (primes.byteLength > this.maxBytes) return;
    this.chunks.set(index, primes);
    this.bytes += primes.byteLength;
    for (const [oldest, evicted] of this.chunks) {
      if (this.bytes <= this.maxBytes) break;
      this.chunks.delete(oldest);
      this.bytes -= evicted.byteLength;
    }
  }

  usage(): ChunkCacheUsage {
    return {
      hits: this.hits,
      misses: this.misses,
      chunks: this.chunks.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
    };
  }
}
