import { checkPrimeRun } from '../../domain/codec/prime-run-codec';
import {
  beyondStore,
  storedPrimes,
  type PrimeRepository,
  type StoreDescription,
  type StoredPrimes,
  type StoreReach,
} from '../../ports/prime-repository';
import { StoreGapError } from '../../ports/store-errors';
import { assertPosition, assertPositionRange } from '../position-checks';

/** The reference PrimeRepository: what the contract suite demands, held in one growing array. */
export class InMemoryPrimeRepository implements PrimeRepository {
  private primes = new Float64Array(1024);
  private count = 0;

  constructor(readonly chunkCapacity = 65_536) {}

  async reach(): Promise<StoreReach> {
    return { count: this.count, lastPrime: this.count === 0 ? 0 : this.primes[this.count - 1] };
  }

  async readPrimes(fromPosition: number, toPosition: number): Promise<StoredPrimes> {
    assertPositionRange(fromPosition, toPosition);
    if (toPosition > this.count) return beyondStore(await this.reach());
    return storedPrimes(this.primes.slice(fromPosition, toPosition));
  }

  async appendPrimes(position: number, primes: Float64Array): Promise<void> {
    assertPosition(position);
    if (position > this.count) throw new StoreGapError(position, this.count);
    // Refuses a run that is not ascending, as the encoding stores do.
    checkPrimeRun(primes);
    const end = position + primes.length;
    if (end <= this.count) return;
    this.reserve(end);
    this.primes.set(primes.subarray(this.count - position), this.count);
    this.count = end;
  }

  async describe(): Promise<StoreDescription> {
    return {
      ...(await this.reach()),
      engine: 'memory',
      chunkCapacity: this.chunkCapacity,
      chunks: Math.ceil(this.count / this.chunkCapacity),
      consumed: { readUnits: 0, writeUnits: 0 },
      // Every prime is in memory already: there is nothing to keep beside it.
      chunkCache: { hits: 0, misses: 0, chunks: 0, bytes: 0, maxBytes: 0 },
    };
  }

  private reserve(length: number): void {
    if (length <= this.primes.length) return;
    const grown = new Float64Array(Math.max(length, this.primes.length * 2));
    grown.set(this.primes.subarray(0, this.count));
    this.primes = grown;
  }
}
