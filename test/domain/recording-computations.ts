import { InMemoryCountMemory } from '../../src/adapters/memory/in-memory-count-memory';
import { inThreadPrimeComputations } from '../../src/domain/computations/in-thread-prime-computations';
import type { PrimeComputations } from '../../src/domain/computations/prime-computations';
import type { CountMemory, PrimeCountQuestion } from '../../src/ports/count-memory';

type ShouldStop = () => boolean;

/** The in-thread computations, each call written down as `name(arguments)` before it runs. */
export class RecordingComputations implements PrimeComputations {
  readonly calls: string[] = [];

  private record(name: string, ...values: ReadonlyArray<bigint | number>): void {
    this.calls.push(`${name}(${values.join(', ')})`);
  }

  primePi(x: bigint, shouldStop?: ShouldStop) {
    this.record('primePi', x);
    return inThreadPrimeComputations.primePi(x, shouldStop);
  }
  nthPrime(n: bigint, shouldStop?: ShouldStop) {
    this.record('nthPrime', n);
    return inThreadPrimeComputations.nthPrime(n, shouldStop);
  }
  isPrimeU64(n: bigint) {
    this.record('isPrimeU64', n);
    return inThreadPrimeComputations.isPrimeU64(n);
  }
  countPrimesInWindow(from: bigint, to: bigint, shouldStop?: ShouldStop) {
    this.record('countPrimesInWindow', from, to);
    return inThreadPrimeComputations.countPrimesInWindow(from, to, shouldStop);
  }
  primesInWindow(from: bigint, to: bigint, limit: number, shouldStop?: ShouldStop) {
    this.record('primesInWindow', from, to, limit);
    return inThreadPrimeComputations.primesInWindow(from, to, limit, shouldStop);
  }
  nextPrime(n: bigint) {
    this.record('nextPrime', n);
    return inThreadPrimeComputations.nextPrime(n);
  }
  previousPrime(n: bigint) {
    this.record('previousPrime', n);
    return inThreadPrimeComputations.previousPrime(n);
  }
}

/** The in-memory count memory, with every question it is asked to recall written down. */
export class RecordingCountMemory implements CountMemory {
  readonly recalls: string[] = [];
  private readonly inner = new InMemoryCountMemory();

  recall(question: PrimeCountQuestion): Promise<bigint | undefined> {
    this.recalls.push(`[${question.from}, ${question.to}]`);
    return this.inner.recall(question);
  }

  remember(question: PrimeCountQuestion, count: bigint): Promise<void> {
    return this.inner.remember(question, count);
  }
}
