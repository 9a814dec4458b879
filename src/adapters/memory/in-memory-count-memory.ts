import {
  assertRememberable,
  type CountMemory,
  type PrimeCountQuestion,
} from '../../ports/count-memory';

/** The reference CountMemory: what the contract suite demands, in one map of this process. */
export class InMemoryCountMemory implements CountMemory {
  private readonly counts = new Map<string, bigint>();

  async recall(question: PrimeCountQuestion): Promise<bigint | undefined> {
    assertRememberable(question);
    return this.counts.get(keyOf(question));
  }

  async remember(question: PrimeCountQuestion, count: bigint): Promise<void> {
    assertRememberable(question, count);
    const key = keyOf(question);
    if (!this.counts.has(key)) this.counts.set(key, count);
  }
}

function keyOf({ from, to }: PrimeCountQuestion): string {
  return `${from}..${to}`;
}
