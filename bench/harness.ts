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
  /** Our median, in `unit`. */
  readonly ours: number;
  /** The reference's median, in `unit`, if one ran. */
  readonly reference?: number;
  /** What the reference was (e.g. "primesieve 11.0, 1 thread"). */
  readonly referenceName?: string;
  /** Unit of ours and reference; default "ms". Cost figures use "WCU", "RCU", counts "". */
  readonly unit?: string;
  /** The goal the figure is held to, as text (e.g. "<= 3x", "< 256 MB"). */
  readonly goal?: string;
}

/** Prints rows as a Markdown table (paste-ready for BENCHMARKS.md). */
export function printTable(rows: readonly BenchRow[], write = (line: string) => console.log(line)) {
  write('| figure | ours | reference | ratio | goal | reference is |');
  write('|---|---:|---:|---:|---:|---|');
  for (const row of rows) {
    const unit = row.unit ?? 'ms';
    const reference = row.reference === undefined ? '-' : withUnit(row.reference, unit);
    const ratio = row.reference === undefined ? '-' : formatRatio(row.ours / row.reference);
    write(
      `| ${row.figure} | ${withUnit(row.ours, unit)} | ${reference} | ${ratio} | ` +
        `${row.goal ?? '-'} | ${row.referenceName ?? '-'} |`,
    );
  }
}

function withUnit(value: number, unit: string): string {
  const digits = Number.isInteger(value) ? 0 : 1;
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit === '' ? text : `${text} ${unit}`;
}

// Cost ratios against the ancestor are tiny (0.001x): keep two significant digits there.
function formatRatio(ratio: number): string {
  // 0 against 0 (no errors on either side) has no ratio worth printing.
  if (Number.isNaN(ratio)) return '-';
  return `${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}x`;
}

/** A bench file's entry: returns its rows; bench/run.ts prints them. */
export interface BenchSuite {
  readonly name: string;
  run(): Promise<BenchRow[]>;
}
