import type { Clock } from '../../ports/clock';
import type { PrimeRepository, StoreReach } from '../../ports/prime-repository';
import { nthPrimeUpperBound } from '../bounds/nth-prime-bounds';
import { primeSegments } from '../sieve/segmented-sieve';
import { isTargetReached, type ExtensionTarget } from './extension-target';
import { PipelinedSaves } from './pipelined-saves';

/**
 * Chunks per save after the first: a save of several chunks lets a store write them in
 * parallel and update its bookkeeping once, while a crash or deadline still loses little.
 * Eight (half a million primes, 4 MB in hand beside the 4 MB being saved) spans about five
 * sieve segments, enough event-loop turns for a save to finish while the next batch is sieved;
 * extending to 1e9 against dynalite in another process took 4.6 s with eight and 6.5 s with
 * four (and no turns between segments).
 */
const DEFAULT_CHUNKS_PER_SAVE = 8;

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
 * a few chunks at a time while it sieves the next, so a crash or a deadline loses at most the
 * chunks in hand. Saves end on chunk boundaries, so each chunk is written whole once. Safe to
 * run concurrently: the store keeps the first writer's primes and the others' overlapping
 * writes change nothing.
 */
export class ExtendPrimes {
  constructor(
    private readonly repository: PrimeRepository,
    private readonly clock: Clock,
    private readonly chunksPerSave = DEFAULT_CHUNKS_PER_SAVE,
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
    const saves = new PipelinedSaves(this.repository, this.clock, start, options.onProgress);
    const outcome = async (complete: boolean): Promise<ExtensionOutcome> => {
      const reach = await saves.settle();
      return { complete, reach, added: reach.count - start.count };
    };

    // The first batch ends at the next chunk boundary; every later one fills whole chunks.
    let batch = new Float64Array(chunk - (start.count % chunk));
    let length = 0;
    for (const segment of primeSegments(start.lastPrime + 1, this.sieveEnd(target))) {
      await saves.letSaveProceed();
      let taken = 0;
      while (taken < segment.length) {
        const take = Math.min(
          batch.length - length,
          wanted - saves.queued - length,
          segment.length - taken,
        );
        batch.set(segment.subarray(taken, taken + take), length);
        length += take;
        taken += take;
        if (length < batch.length && saves.queued + length < wanted) continue;
        await saves.settle();
        // Stop while one more save surely fits before the deadline: what is saved stays saved.
        if (!saves.fitsBefore(deadline)) return outcome(false);
        saves.start(batch.subarray(0, length));
        if (saves.queued >= wanted) return outcome(true);
        batch = new Float64Array(chunk * this.chunksPerSave);
        length = 0;
      }
    }
    // The sieve ran to its end, so every prime the target names is now stored.
    if (length > 0) {
      await saves.settle();
      saves.start(batch.subarray(0, length));
    }
    return outcome(true);
  }

  /**
   * The first value the sieve need not look at: just past upTo, or past the n-th prime's bound.
   * Both lie past the store's last prime, since the store has not reached the target yet.
   */
  private sieveEnd(target: ExtensionTarget): number {
    const byValue = target.upTo !== undefined ? target.upTo + 1 : Infinity;
    const byCount = target.count !== undefined ? nthPrimeUpperBound(target.count) + 1 : Infinity;
    return Math.min(byValue, byCount);
  }
}
