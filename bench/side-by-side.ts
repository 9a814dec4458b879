import { median } from './harness';

/**
 * Median wall time (ms) of each task, run in turn (a, b, a, b, ...) after `warmUps` rounds, so
 * that load from other jobs on a shared machine falls on ours and the reference alike.
 */
export async function measureSideBySide(
  tasks: ReadonlyArray<() => unknown>,
  { runs = 21, warmUps = 3 }: { runs?: number; warmUps?: number } = {},
): Promise<number[]> {
  const times = tasks.map((): number[] => []);
  for (let round = 0; round < warmUps + runs; round++) {
    for (const [at, task] of tasks.entries()) {
      const start = performance.now();
      await task();
      if (round >= warmUps) times[at].push(performance.now() - start);
    }
  }
  return times.map(median);
}
