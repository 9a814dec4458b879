import { runCli } from '../../../src/adapters/cli/run-cli';
import { memoryUseCases, type MemoryService } from '../../support/memory-use-cases';
import { primesBetween } from '../../support/reference-primes';
import { CapturedStream } from './cli-streams';

/** The ten largest primes below 2^64 are 2^64 - k for these k. */
const BELOW_2_64 = [59n, 83n, 95n, 179n, 189n, 257n, 279n, 323n, 353n, 363n].map(
  (k) => (1n << 64n) - k,
);

describe('the primes command line beyond the store', () => {
  let service: MemoryService;
  let stdout: CapturedStream;
  let stderr: CapturedStream;

  beforeEach(() => {
    service = memoryUseCases({ chunkCapacity: 1_024, limits: { maxPageSize: 100 } });
    stdout = new CapturedStream();
    stderr = new CapturedStream();
  });

  function run(...argv: string[]): Promise<number> {
    return runCli(argv, {
      openUseCases: async () => service.useCases,
      stdout,
      stderr,
      serve: async () => {
        throw new Error('no server here');
      },
    });
  }

  it('lists a window at the top of the 64-bit range, page by page', async () => {
    expect(await run('list', '--from', String(BELOW_2_64[9]), '--to', '18446744073709551615')).toBe(
      0,
    );
    expect(stdout.lines()).toEqual([...BELOW_2_64].reverse().map(String));
  });

  it('lists a window beyond the store across pages, and leaves the store as it was', async () => {
    expect(await run('list', '--from', '100000', '--to', '120000')).toBe(0);
    expect(stdout.lines().map(Number)).toEqual(primesBetween(100_000, 120_000));
    expect(await service.repository.reach()).toEqual({ count: 0, lastPrime: 0 });
  });

  it.each([
    [['next', '18446744073709551556'], '18446744073709551557'],
    [['next', '0'], '2'],
    [['previous', '18446744073709551615'], '18446744073709551557'],
    [['previous', '3'], '2'],
    [['is-prime', '18446744073709551557'], 'true'],
    [['is-prime', '18446744073709551615'], 'false'],
    [['nth', '30000'], '350377'],
    [
      ['count', '--from', '100000', '--to', '200000'],
      String(primesBetween(100_000, 200_000).length),
    ],
  ])('%j prints %s', async (argv, answer) => {
    expect(await run(...argv)).toBe(0);
    expect(stdout.text).toBe(`${answer}\n`);
  });

  it.each([
    [['next', '18446744073709551557'], /^error: n has no prime above it below 2\^64/],
    [['previous', '2'], /^error: n has no prime below it/],
    [['is-prime', '18446744073709551616'], /argument 'n'.*must be at most 18446744073709551615/s],
    [['count', '--to', '1e3'], /--to <b>.*must be a decimal integer/s],
    [['nth', '279238341033926'], /^error: n must be at most 279238341033925/],
    [['count', '--to', '10000000000000001'], /^error: to must be at most 10000000000000000/],
  ])('%j exits 2 naming the field', async (argv, message) => {
    expect(await run(...argv)).toBe(2);
    expect(stderr.text).toMatch(message);
    expect(stdout.text).toBe('');
  });
});
