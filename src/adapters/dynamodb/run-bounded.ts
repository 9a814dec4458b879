/**
 * Runs `task` for every element with at most `limit` in flight, in order of the elements. On the
 * first failure no new task starts; the ones in flight are awaited, then that failure is thrown.
 */
export async function runBounded<T, R>(
  elements: readonly T[],
  limit: number,
  task: (element: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < elements.length) {
      const at = next++;
      try {
        results[at] = await task(elements[at]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, elements.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}
