/**
 * A tiny benchmark harness shared by every bench file: run a task several times, keep the
 * median, print rows of "figure, ours, reference, ratio". No timed assertions anywhere:
 * figures are for BENCHMARKS.md, not for pass/fail.
 */
export interface MeasureOptions {
  /** Timed runs after one warm-up run (default 5). */
  readonly runs?: number;
  /** Skip the warm-up run (for tasks too slow to run twice). */
  readonly noWarmUp?: boolean;
}

/** Median wall time of `task` in milliseconds. */
export async function measure(
  name: string,
  task: () => unknown,
  { runs = 5, noWarmUp = false }: MeasureOptions = {},
): Promise<number> {
  if (!noWarmUp) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface BenchRow {
  readonly figure: string;
  /** Our median, milliseconds. */
  readonly ours: number;
  /** The reference's median, milliseconds, if one ran. */
  readonly reference?: number;
  /** What the reference was (e.g. "primesieve 11.0, 1 thread"). */
  readonly referenceName?: string;
}

/** Prints rows as a Markdown table (paste-ready for BENCHMARKS.md). */
export function printTable(rows: readonly BenchRow[], write = (line: string) => console.log(line)) {
  write('| figure | ours (ms) | reference (ms) | ratio | reference is |');
  write('|---|---:|---:|---:|---|');
  for (const row of rows) {
    const reference = row.reference === undefined ? '-' : row.reference.toFixed(1);
    const ratio = row.reference === undefined ? '-' : `${(row.ours / row.reference).toFixed(2)}x`;
    write(
      `| ${row.figure} | ${row.ours.toFixed(1)} | ${reference} | ${ratio} | ${row.referenceName ?? '-'} |`,
    );
  }
}

/** A bench file's entry: returns its rows; bench/run.ts prints them. */
export interface BenchSuite {
  readonly name: string;
  run(): Promise<BenchRow[]>;
}
