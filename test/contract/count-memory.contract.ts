import type { CountMemory, PrimeCountQuestion } from '../../src/ports/count-memory';

export interface CountMemoryUnderTest {
  readonly memory: CountMemory;
  /** A second memory over the same backing store, as another process would open it. */
  reopen(): Promise<CountMemory>;
  dispose(): Promise<void>;
}

export type MakeCountMemory = () => Promise<CountMemoryUnderTest>;

const TWO_TO_40 = 1n << 40n;
const U64_MAX = (1n << 64n) - 1n;

/**
 * Questions at the edges of both kinds a memory keeps, each with a count no other one has, so
 * that two questions sharing an item would show. The memory keeps what it is told, so the
 * counts need not be true ones; those past 2^53 (pi(2^64 - 1) is 425,656,284,035,217,743)
 * would come back changed if any passed through a double.
 */
const QUESTIONS: ReadonlyArray<readonly [PrimeCountQuestion, bigint]> = [
  [{ from: 0n, to: 0n }, 0n],
  [{ from: 0n, to: 1n }, 1n],
  [{ from: 0n, to: 10n ** 16n }, 279_238_341_033_925n],
  [{ from: 0n, to: U64_MAX }, 425_656_284_035_217_743n],
  [{ from: 0n, to: 2n ** 53n + 1n }, 2n ** 53n - 7n],
  [{ from: 1n, to: 1n }, 1n],
  [{ from: 1n, to: 2n }, 2n],
  [{ from: 2n, to: 2n }, 0n],
  [{ from: 1n, to: TWO_TO_40 }, 6n], // widest window: to - from = 2^40 - 1
  [{ from: 2n, to: TWO_TO_40 }, 7n],
  [{ from: 10n ** 18n, to: 10n ** 18n + 10n ** 9n }, 24_127_085n],
  [{ from: U64_MAX - TWO_TO_40 + 1n, to: U64_MAX }, 8n],
  [{ from: U64_MAX - 1n, to: U64_MAX }, 2n],
  [{ from: U64_MAX, to: U64_MAX }, 1n],
];

/** The behaviour every CountMemory adapter must show; each adapter's test file calls it. */
export function describeCountMemoryContract(name: string, makeMemory: MakeCountMemory): void {
  describe(`CountMemory contract: ${name}`, () => {
    let subject: CountMemoryUnderTest;

    beforeEach(async () => {
      subject = await makeMemory();
    });
    afterEach(async () => {
      await subject.dispose();
    });

    it('recalls nothing it was not told', async () => {
      for (const [question] of QUESTIONS) {
        expect(await subject.memory.recall(question)).toBeUndefined();
      }
    });

    it('recalls each count exactly, and no question recalls another one', async () => {
      for (const [question, count] of QUESTIONS) await subject.memory.remember(question, count);
      for (const [question, count] of QUESTIONS) {
        expect([question, await subject.memory.recall(question)]).toEqual([question, count]);
      }
    });

    it('keeps what it remembered for another process over the same store', async () => {
      const [question, count] = QUESTIONS[3];
      await subject.memory.remember(question, count);
      const other = await subject.reopen();
      expect(await other.recall(question)).toBe(count);
      expect(await other.recall({ from: 0n, to: U64_MAX - 1n })).toBeUndefined();
    });

    it('keeps the first count of a question: a second remember never replaces it', async () => {
      const question = { from: 0n, to: 1_000_000n };
      await subject.memory.remember(question, 78_498n);
      await subject.memory.remember(question, 78_499n);
      const other = await subject.reopen();
      await other.remember(question, 1n);
      expect(await subject.memory.recall(question)).toBe(78_498n);
    });

    it('refuses a count larger than its window, which no prime count can be', async () => {
      await expect(subject.memory.remember({ from: 5n, to: 6n }, 3n)).rejects.toThrow(RangeError);
      expect(await subject.memory.recall({ from: 5n, to: 6n })).toBeUndefined();
    });

    it('refuses questions it does not keep: wide windows, reversed ones, past 2^64', async () => {
      for (const question of [
        { from: 1n, to: TWO_TO_40 + 1n },
        { from: 5n, to: 4n },
        { from: 0n, to: U64_MAX + 1n },
        { from: -1n, to: 3n },
      ]) {
        await expect(subject.memory.recall(question)).rejects.toThrow(RangeError);
        await expect(subject.memory.remember(question, 0n)).rejects.toThrow(RangeError);
      }
    });
  });
}
