import type {
  PrimeRepository,
  StoreDescription,
  StoredPrimes,
  StoreReach,
} from '../../src/ports/prime-repository';

export interface RecordedAppend {
  readonly position: number;
  readonly primes: Float64Array;
}

/** A repository spy: passes every call through to a real repository and remembers it. */
export class RecordingRepository implements PrimeRepository {
  readonly appends: RecordedAppend[] = [];
  readonly reads: Array<[number, number]> = [];
  reaches = 0;
  /** Called before each append is passed on, e.g. to move a test clock. */
  beforeAppend: () => void = () => undefined;

  constructor(private readonly inner: PrimeRepository) {}

  get chunkCapacity(): number {
    return this.inner.chunkCapacity;
  }

  reach(): Promise<StoreReach> {
    this.reaches++;
    return this.inner.reach();
  }

  readPrimes(fromPosition: number, toPosition: number): Promise<StoredPrimes> {
    this.reads.push([fromPosition, toPosition]);
    return this.inner.readPrimes(fromPosition, toPosition);
  }

  appendPrimes(position: number, primes: Float64Array): Promise<void> {
    this.beforeAppend();
    this.appends.push({ position, primes: primes.slice() });
    return this.inner.appendPrimes(position, primes);
  }

  describe(): Promise<StoreDescription> {
    return this.inner.describe();
  }
}
