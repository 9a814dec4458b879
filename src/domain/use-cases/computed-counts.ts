import type { Clock } from '../../ports/clock';
import type { CountMemory, PrimeCountQuestion } from '../../ports/count-memory';
import type { Logger } from '../../ports/logger';
import type { PrimeComputations } from '../computations/prime-computations';
import { stopAtDeadline } from './deadline-watch';

/**
 * A count that took longer than this is remembered: asked again, it costs one read. Quicker
 * ones are computed again, which costs less than the write and keeps the memory small.
 */
export const REMEMBER_AFTER_MS = 50;

/**
 * Counts beyond the store: recalled when remembered, else computed under the deadline and,
 * when costly, remembered. A count the deadline stopped throws and leaves nothing behind.
 */
export class ComputedCounts {
  constructor(
    private readonly computations: PrimeComputations,
    private readonly memory: CountMemory,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** The remembered count of a question, if any. */
  recall(question: PrimeCountQuestion): Promise<bigint | undefined> {
    return this.memory.recall(question);
  }

  /** pi(x). `missed`: the caller has just recalled this question and found nothing. */
  upTo(x: bigint, deadline: number, missed: boolean): Promise<bigint> {
    return this.recallOrCompute({ from: 0n, to: x }, deadline, missed, (shouldStop) =>
      this.computations.primePi(x, shouldStop),
    );
  }

  /** The primes in [from, to], sieved; for windows narrower than REMEMBERED_WINDOW_WIDTH. */
  inWindow(from: bigint, to: bigint, deadline: number, missed: boolean): Promise<bigint> {
    return this.recallOrCompute({ from, to }, deadline, missed, (shouldStop) =>
      this.computations.countPrimesInWindow(from, to, shouldStop),
    );
  }

  private async recallOrCompute(
    question: PrimeCountQuestion,
    deadline: number,
    missed: boolean,
    compute: (shouldStop: () => boolean) => Promise<bigint>,
  ): Promise<bigint> {
    const remembered = missed ? undefined : await this.memory.recall(question);
    if (remembered !== undefined) return remembered;
    const shouldStop = stopAtDeadline(this.clock, deadline, 'the count');
    const started = this.clock.now();
    const count = await compute(shouldStop);
    const tookMs = this.clock.now() - started;
    if (tookMs > REMEMBER_AFTER_MS) await this.rememberOrWarn(question, count, tookMs);
    return count;
  }

  /**
   * The answer is exact whether or not it is kept, so a store fault while remembering it is
   * reported in the log rather than thrown away with the answer; the next ask computes again.
   */
  private async rememberOrWarn(question: PrimeCountQuestion, count: bigint, tookMs: number) {
    try {
      await this.memory.remember(question, count);
    } catch (error) {
      const range = `[${question.from}, ${question.to}]`;
      this.logger.warn({ err: error, range, tookMs }, 'could not remember a computed count');
    }
  }
}
