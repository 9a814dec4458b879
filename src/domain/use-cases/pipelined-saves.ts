import type { Clock } from '../../ports/clock';
import type { PrimeRepository, StoreReach } from '../../ports/prime-repository';

/**
 * Saves runs of primes in order, with one save in flight while the extender sieves the next
 * run, so sieving overlaps the store's round trips. Only one is ever in flight: memory stays
 * bounded and each save starts where the saved prefix ends, so no gap can open.
 *
 * The sieve runs synchronously, so a save's I/O (its requests, the engine's answers) only moves
 * when the extender gives the event loop a turn: `letSaveProceed` between segments does, else
 * each save would wait for the next `settle` and sieving and saving would take turns.
 */
export class PipelinedSaves {
  private inFlight: Promise<void> = Promise.resolve();
  private slowest = 0;
  private saving = false;
  /** How far the store reaches with every finished save. */
  private saved: StoreReach;
  /** Positions saved or being saved: where the next save starts. */
  queued: number;

  constructor(
    private readonly repository: PrimeRepository,
    private readonly clock: Clock,
    start: StoreReach,
    private readonly onProgress?: (reach: StoreReach) => void,
  ) {
    this.saved = start;
    this.queued = start.count;
  }

  /** Starts saving `primes` after the queued ones; call only once `settle` has resolved. */
  start(primes: Float64Array): void {
    const position = this.queued;
    const began = this.clock.now();
    this.queued += primes.length;
    this.saving = true;
    const saved = this.repository.appendPrimes(position, primes);
    const ended = saved.finally(() => {
      this.saving = false;
    });
    this.inFlight = ended.then(() => {
      this.saved = { count: position + primes.length, lastPrime: primes[primes.length - 1] };
      this.slowest = Math.max(this.slowest, this.clock.now() - began);
      this.onProgress?.(this.saved);
    });
    // A failed save is reported by the next settle; until then it must not count as unhandled.
    this.inFlight.catch(() => undefined);
  }

  /** Waits for the save in flight (rethrowing its failure) and tells how far the store reaches. */
  async settle(): Promise<StoreReach> {
    await this.inFlight;
    return this.saved;
  }

  /**
   * Gives the event loop one turn while a save is in flight (none otherwise: a turn costs about
   * a microsecond, but nothing would use it). setImmediate, not setTimeout: a timer waits at
   * least a millisecond, idle time on every segment.
   */
  async letSaveProceed(): Promise<void> {
    if (this.saving) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Whether one more save, as slow as the slowest so far, surely ends before the deadline. */
  fitsBefore(deadline: number): boolean {
    return this.clock.now() + 2 * this.slowest < deadline;
  }
}
