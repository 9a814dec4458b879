/**
 * Cold start (issue 3, goal 5): bench/cold-start.ts's measurement as a suite. The Lambda bundle
 * is built (into a temporary folder, so dist/ is left alone) and loaded by fresh `node`
 * processes with a Lambda-like environment; the figure is init, from require() of the bundle to
 * its return (module evaluation and the production container), the part our code adds to each
 * cold start. Goal: under 150 ms. Reference, built and loaded the same way in the same run: a
 * bundle holding only the SDK clients (bench/sdk-only-lambda-entry.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLambdaBundle } from '../scripts/build-lambda';
import { measureColdStart, type ColdStartReport } from './cold-start';
import type { BenchRow, BenchSuite } from './harness';

const RUNS = 9;

export const coldStartBench: BenchSuite = {
  name: 'cold-start',
  async run(): Promise<BenchRow[]> {
    const folder = mkdtempSync(join(tmpdir(), 'cold-start-bench-'));
    try {
      const ours = await buildLambdaBundle({ outDir: join(folder, 'ours') });
      const sdkOnly = await buildLambdaBundle({
        outDir: join(folder, 'sdk-only'),
        entry: join(__dirname, 'sdk-only-lambda-entry.ts'),
      });
      const rows: BenchRow[] = [];
      for (const enableSourceMaps of [false, true]) {
        const measure = (bundleFile: string) =>
          checked(measureColdStart({ bundleFile, runs: RUNS, enableSourceMaps }));
        const [our, reference] = [measure(ours.file), measure(sdkOnly.file)];
        const mode = enableSourceMaps ? 'with --enable-source-maps' : 'no source maps';
        const referenceName = `SDK clients only (${kilobytes(sdkOnly.bytes)} bundle)`;
        rows.push(
          {
            figure: `cold start init, ${mode} (${kilobytes(ours.bytes)} bundle)`,
            ours: our.medianInitMs,
            reference: reference.medianInitMs,
            referenceName,
            goal: '< 150 ms',
          },
          {
            figure: `cold start from process start (Node bootstrap + init), ${mode}`,
            ours: our.medianSinceProcessStartMs,
            reference: reference.medianSinceProcessStartMs,
            referenceName,
          },
        );
      }
      return rows;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

/** Init must not touch the network (credentials and table wait for the first request). */
function checked(report: ColdStartReport): ColdStartReport {
  if (report.networkAttempts.length > 0) {
    throw new Error(`init of ${report.bundleFile} tried ${report.networkAttempts.join(', ')}`);
  }
  return report;
}

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
