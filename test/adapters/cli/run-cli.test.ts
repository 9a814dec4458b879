import type { ServingServer } from '../../../src/adapters/cli/cli-deps';
import { runCli } from '../../../src/adapters/cli/run-cli';
import { StoreUnavailableError } from '../../../src/ports/store-errors';
import { memoryUseCases, type MemoryService } from '../../support/memory-use-cases';
import { firstPrimes, primesBetween } from '../../support/reference-primes';
import { CapturedStream, ClosingPipe } from './cli-streams';

describe('the primes command line', () => {
  let service: MemoryService;
  let stdout: CapturedStream;
  let stderr: CapturedStream;
  let served: Array<number | undefined>;
  let closed: number;

  beforeEach(() => {
    service = memoryUseCases({ chunkCapacity: 1_024, limits: { maxPageSize: 1_000 } });
    stdout = new CapturedStream();
    stderr = new CapturedStream();
    served = [];
    closed = 0;
  });

  function run(...argv: string[]): Promise<number> {
    return runCli(argv, {
      openUseCases: async () => service.useCases,
      stdout,
      stderr,
      serve: async (port?: number): Promise<ServingServer> => {
        served.push(port);
        return { url: `http://127.0.0.1:${port ?? 3000}`, close: async () => void closed++ };
      },
      waitForShutdown: async () => undefined,
    });
  }

  describe('list', () => {
    it('prints the primes <= max, one per line', async () => {
      expect(await run('list', '--max', '100')).toBe(0);
      expect(stdout.lines()).toEqual(Array.from(firstPrimes(25), String));
      expect(stderr.text).toBe('');
    });

    it('prints a value range across many pages', async () => {
      expect(await run('list', '--from', '1000', '--to', '50000')).toBe(0);
      expect(stdout.lines().map(Number)).toEqual(primesBetween(1_000, 50_000));
      expect(stdout.writes).toBeGreaterThan(4);
    });

    it('prints the first n primes, page by page, with --to alone meaning from 0', async () => {
      expect(await run('list', '--count', '12345')).toBe(0);
      expect(stdout.lines().map(Number)).toEqual(Array.from(firstPrimes(12_345)));
      stdout = new CapturedStream();
      expect(await run('list', '--to', '30')).toBe(0);
      expect(stdout.text).toBe('2\n3\n5\n7\n11\n13\n17\n19\n23\n29\n');
    });

    it('prints nothing for an empty range', async () => {
      expect(await run('list', '--from', '24', '--to', '28')).toBe(0);
      expect(stdout.text).toBe('');
    });

    it('waits for a slow reader rather than buffering everything', async () => {
      stdout = new CapturedStream(false, true);
      expect(await run('list', '--count', '20000')).toBe(0);
      expect(stdout.lines().map(Number)).toEqual(Array.from(firstPrimes(20_000)));
    });

    it('stops quietly when the reader goes away (EPIPE)', async () => {
      const pipe = new ClosingPipe();
      const exitCode = await runCli(['list', '--count', '50000'], {
        openUseCases: async () => service.useCases,
        stdout: pipe,
        stderr,
        serve: async () => ({ url: '', close: async () => undefined }),
      });
      expect(exitCode).toBe(0);
      expect(pipe.text.split('\n')[0]).toBe('2');
      expect((await service.repository.reach()).count).toBeLessThan(50_000);
    });
  });

  describe('extend', () => {
    it('extends to --max and prints the outcome as one JSON line', async () => {
      expect(await run('extend', '--max', '100000')).toBe(0);
      expect(JSON.parse(stdout.text)).toEqual({
        complete: true,
        added: 9_592,
        count: 9_592,
        lastPrime: 99_991,
      });
      expect(stderr.text).toBe('');
    });

    it('extends to --count, adding only what is missing', async () => {
      await run('extend', '--count', '500');
      stdout = new CapturedStream();
      expect(await run('extend', '--count', '1000')).toBe(0);
      expect(JSON.parse(stdout.text)).toEqual({
        complete: true,
        added: 500,
        count: 1_000,
        lastPrime: 7_919,
      });
    });

    it('draws a progress bar on stderr when it is a terminal', async () => {
      stderr = new CapturedStream(true);
      expect(await run('extend', '--count', '50000')).toBe(0);
      expect(stderr.text).toContain('extending');
      expect(stderr.text).toContain('100%');
      expect(JSON.parse(stdout.text)).toMatchObject({ complete: true, count: 50_000 });
    });
  });

  it('nth prints the n-th prime', async () => {
    expect(await run('nth', '10000')).toBe(0);
    expect(stdout.text).toBe('104729\n');
  });

  it('count prints how many primes lie in the range', async () => {
    expect(await run('count', '--to', '1000000')).toBe(0);
    expect(await run('count', '--from', '100', '--to', '200')).toBe(0);
    expect(stdout.lines()).toEqual(['78498', String(primesBetween(100, 200).length)]);
  });

  it('is-prime prints true or false', async () => {
    for (const n of ['104729', '1', '9007199254740881', '9007199254740991']) {
      expect(await run('is-prime', n)).toBe(0);
    }
    expect(stdout.lines()).toEqual(['true', 'false', 'true', 'false']);
  });

  it('store prints the store description as JSON', async () => {
    await run('extend', '--count', '2000');
    stdout = new CapturedStream();
    expect(await run('store')).toBe(0);
    expect(JSON.parse(stdout.text)).toMatchObject({
      engine: 'memory',
      count: 2_000,
      lastPrime: 17_389,
      chunkCapacity: 1_024,
    });
  });

  it('serve starts the server, prints its URL, and closes it on shutdown', async () => {
    expect(await run('serve', '--port', '0')).toBe(0);
    expect(await run('serve')).toBe(0);
    expect(served).toEqual([0, undefined]);
    expect(closed).toBe(2);
    expect(stdout.lines().map((line) => JSON.parse(line))).toEqual([
      { url: 'http://127.0.0.1:0' },
      { url: 'http://127.0.0.1:3000' },
    ]);
  });

  it('--help prints usage on stdout and exits 0', async () => {
    expect(await run('--help')).toBe(0);
    expect(stdout.text).toContain('Usage: primes');
    expect(stdout.text).toContain('list');
  });

  // How list selects its primes, and the limits, are in the shared bad-input table; these are
  // the command line's own parsing.
  // Bad values and unknown options are in the shared bad-input table; these are the rules of the
  // command line alone.
  describe('bad usage exits 2 with a message on stderr', () => {
    it.each([
      [[], /Usage: primes/],
      [['list', '--max', '20000000000'], /max must be at most 10000000000/],
      [['extend'], /one of --max or --count is required/],
      [['extend', '--max', '10', '--count', '5'], /cannot be used with/],
      [['extend', '--count', '455052512'], /count must be at most 455052511/],
      [['nth'], /missing required argument 'n'/],
      [['nth', '5', '6'], /too many arguments/],
      [['serve', '--port', '70000'], /must be at most 65535/],
    ])('primes %j', async (argv, message) => {
      expect(await run(...argv)).toBe(2);
      expect(stderr.text).toMatch(message);
      expect(stdout.text).toBe('');
    });
  });

  it('a failing store exits 1 with its message on stderr', async () => {
    jest
      .spyOn(service.repository, 'describe')
      .mockRejectedValue(new StoreUnavailableError('the table primes does not answer'));
    expect(await run('store')).toBe(1);
    expect(stderr.text).toBe('primes: the table primes does not answer\n');
  });
});
