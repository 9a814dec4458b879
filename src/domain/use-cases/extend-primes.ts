import type { Clock } from '../../ports/clock';
import type { PrimeRepository, StoreReach } from '../../ports/prime-repository';
import { nthPrimeUpperBound } from '../bounds/nth-prime-bounds';
import { primeSegments } from '../sieve/segmented-sieve';
import { isTargetReached, type ExtensionTarget } from './extension-target';

export interface ExtensionOptions {
  /** Absolute time (ms since the epoch) by which the extension must have stopped. */
  readonly deadline?: number;
  /** Called after every saved chunk, with how far the store now reaches. */
  readonly onProgress?: (reach: StoreReach) => void;
  /**
   * How far the store reached when the caller last looked. The store only grows, so when this
   * already meets the target the extension is done without reading the store again.
   */
  readonly knownReach?: StoreReach;
}

export interface ExtensionOutcome {
  /** False when the deadline stopped the extension before the target. */
  readonly complete: boolean;
  readonly reach: StoreReach;
  /** Primes this extension computed and saved. */
  readonly added: number;
}

/**
 * Makes the store hold a target: reads where the store ends, sieves only beyond it and saves
 * chunk by chunk, so a crash or a deadline loses at most the chunk in hand. Batches end on
 * chunk boundaries, so each chunk is written whole once. Safe to run concurrently: the store
 * keeps the first writer's primes and the others' overlapping writes change nothing.
 */
export class ExtendPrimes {
  constructor(
    private readonly repository: PrimeRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    target: ExtensionTarget,
    options: ExtensionOptions = {},
  ): Promise<ExtensionOutcome> {
    const deadline = options.deadline ?? Infinity;
    const known = options.knownReach;
    if (known && isTargetReached(target, known)) return { complete: true, reach: known, added: 0 };
    const start = await this.repository.reach();
    if (isTargetReached(target, start)) return { complete: true, reach: start, added: 0 };
    if (this.clock.now() >= deadline) return { complete: false, reach: start, added: 0 };

    const chunk = this.repository.chunkCapacity;
    const wanted = target.count ?? Infinity;
    const batch = new Float64Array(chunk);
    let batchLength = 0;
    let reach = start;
    let slowestSave = 0;

    const save = async (): Promise<void> => {
      const began = this.clock.now();
      const primes = batch.slice(0, batchLength);
      await this.repository.appendPrimes(reach.count, primes);
      reach = { count: reach.count + batchLength, lastPrime: primes[batchLength - 1] };
      batchLength = 0;
      slowestSave = Math.max(slowestSave, this.clock.now() - began);
      options.onProgress?.(reach);
    };

    // The first batch ends at the next chunk boundary; every later batch fills one chunk.
    let batchCapacity = chunk - (start.count % chunk);
    for (const segment of primeSegments(start.lastPrime + 1, this.sieveEnd(target, start))) {
      let taken = 0;
      while (taken < segment.length) {
        const room = Math.min(batchCapacity - batchLength, wanted - reach.count - batchLength);
        const take = Math.min(room, segment.length - taken);
        batch.set(segment.subarray(taken, taken + take), batchLength);
        batchLength += take;
        taken += take;
        if (batchLength < batchCapacity && reach.count + batchLength < wanted) continue;
        await save();
        batchCapacity = chunk;
        if (reach.count >= wanted)
          return { complete: true, reach, added: reach.count - start.count };
        // Stop while one more chunk surely fits before the deadline: what is saved stays saved.
        if (this.clock.now() + 2 * slowestSave >= deadline) {
          return { complete: false, reach, added: reach.count - start.count };
        }
      }
    }
    // The sieve ran to its end, so every prime the target names is now stored.
    if (batchLength > 0) await save();
    return { complete: true, reach, added: reach.count - start.count };
  }

  /** The first value the sieve need not look at: just past upTo, or past the n-th prime's bound. */
  private sieveEnd(target: ExtensionTarget, start: StoreReach): number {
    const byValue = target.upTo !== undefined ? target.upTo + 1 : Infinity;
    const byCount = target.count !== undefined ? nthPrimeUpperBound(target.count) + 1 : Infinity;
    return Math.max(start.lastPrime + 1, Math.min(byValue, byCount));
  }
}
