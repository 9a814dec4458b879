import { runBounded } from '../../../src/adapters/dynamodb/run-bounded';

/** A task per element that ends only when the test says so, recording which ones started. */
function heldTasks(): {
  started: number[];
  inFlight: () => number;
  finish: (element: number, outcome?: Error) => void;
  task: (element: number) => Promise<string>;
} {
  const started: number[] = [];
  const pending = new Map<
    number,
    { resolve: (value: string) => void; reject: (e: Error) => void }
  >();
  return {
    started,
    inFlight: () => pending.size,
    finish: (element, outcome) => {
      const held = pending.get(element);
      if (held === undefined) throw new Error(`task ${element} is not in flight`);
      pending.delete(element);
      if (outcome === undefined) held.resolve(`done ${element}`);
      else held.reject(outcome);
    },
    task: (element) => {
      started.push(element);
      return new Promise((resolve, reject) => pending.set(element, { resolve, reject }));
    },
  };
}

/** Lets every task that can start do so: a few turns of the microtask queue. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
}

describe('runBounded', () => {
  it('keeps at most `limit` tasks in flight, starts them in order, and returns results in order', async () => {
    const held = heldTasks();
    const run = runBounded([0, 1, 2, 3, 4], 2, held.task);
    await settle();
    expect(held.started).toEqual([0, 1]);
    // The second finishes first: its slot goes to the next element, the results keep their order.
    held.finish(1);
    await settle();
    expect(held.started).toEqual([0, 1, 2]);
    expect(held.inFlight()).toBe(2);
    for (const element of [0, 3, 2, 4]) {
      held.finish(element);
      await settle();
      expect(held.inFlight()).toBeLessThanOrEqual(2);
    }
    expect(await run).toEqual(['done 0', 'done 1', 'done 2', 'done 3', 'done 4']);
  });

  it('starts every task at once when the limit exceeds them, and none for no elements', async () => {
    const held = heldTasks();
    const run = runBounded([0, 1, 2], 8, held.task);
    await settle();
    expect(held.started).toEqual([0, 1, 2]);
    for (const element of [2, 1, 0]) held.finish(element);
    expect(await run).toEqual(['done 0', 'done 1', 'done 2']);
    expect(await runBounded([], 3, held.task)).toEqual([]);
  });

  it('starts no task after the first failure, awaits those in flight, then throws that failure', async () => {
    const held = heldTasks();
    const run = runBounded([0, 1, 2, 3, 4], 2, held.task);
    let outcome: unknown;
    const settled = run.then(
      () => (outcome = 'resolved'),
      (error: unknown) => (outcome = error),
    );
    await settle();
    const first = new Error('the first failure');
    held.finish(0, first);
    await settle();
    // Task 1 is still in flight: the run waits for it, and starts nothing new meanwhile.
    expect(held.started).toEqual([0, 1]);
    expect(outcome).toBeUndefined();
    held.finish(1, new Error('a later failure'));
    await settled;
    expect(outcome).toBe(first);
    expect(held.started).toEqual([0, 1]);
  });
});
