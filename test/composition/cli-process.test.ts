import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { firstPrimes } from '../support/reference-primes';

/**
 * The `primes` command as a user runs it: child processes over the development root, with the
 * embedded engine keeping its data on disk between them.
 */
const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'src/composition/cli-main.ts');
const REFERENCE = firstPrimes(10_000);

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'primes-cli-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function start(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, PRIMES_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
  });
}

function run(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  const child = start(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data));
  child.stderr.on('data', (data: Buffer) => (stderr += data));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const lines = (text: string) => text.trim().split('\n').map(Number);

describe('the primes command', () => {
  it('extends, lists, finds and describes the store across separate processes', async () => {
    const extended = await run(['extend', '--max', '1000']);
    expect(extended.code).toBe(0);
    expect(JSON.parse(extended.stdout.trim().split('\n').pop() ?? '')).toMatchObject({
      complete: true,
      count: 168,
      lastPrime: 997,
    });

    const listed = await run(['list', '--max', '100']);
    expect(listed.code).toBe(0);
    expect(lines(listed.stdout)).toEqual(Array.from(REFERENCE.slice(0, 25)));

    const nth = await run(['nth', '10000']);
    expect(nth.stdout.trim()).toBe('104729');

    // The n-th prime beyond the store is computed: the store does not grow for it.
    const store = await run(['store']);
    expect(JSON.parse(store.stdout)).toMatchObject({ count: 168, lastPrime: 997 });
  });

  it('answers on stdout, one line, and logs from warn unless LOG_LEVEL says otherwise', async () => {
    const quiet = await run(['store'], { LOG_LEVEL: '' });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toMatch(/^\{.*\}\n$/);
    expect(JSON.parse(quiet.stdout)).toMatchObject({ count: 0 });
    expect(quiet.stderr).toBe('');

    const chatty = await run(['store'], { LOG_LEVEL: 'info' });
    expect(chatty.stderr).toContain('"msg":"store"');
  });

  it('lists a value range and the first n primes, one per line', async () => {
    const range = await run(['list', '--from', '7900', '--to', '8000']);
    expect(lines(range.stdout)).toEqual(
      Array.from(REFERENCE.filter((p) => p >= 7_900 && p <= 8_000)),
    );
    const first = await run(['list', '--count', '1234']);
    expect(lines(first.stdout)).toEqual(Array.from(REFERENCE.slice(0, 1_234)));
  });

  it('exits 2 with the usage for a bad command line, and changes nothing', async () => {
    for (const args of [
      ['list', '--max', '-5'],
      ['nth', '1e3'],
      ['frobnicate'],
      ['list', '--max', '0x10'],
    ]) {
      const result = await run(args);
      expect([args, result.code]).toEqual([args, 2]);
      expect(result.stderr).not.toBe('');
    }
    // A wrong command line never opens the store: no engine started, nothing on disk.
    expect(readdirSync(dataDir)).toEqual([]);
    const store = await run(['store']);
    expect(JSON.parse(store.stdout)).toMatchObject({ count: 0 });
  });

  it('lets commands started at the same moment on a new data folder share one engine', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => run(['nth', '100'])));
    for (const result of results) expect([result.code, result.stdout.trim()]).toEqual([0, '541']);
  });

  it('refuses a bad configuration at start, naming the variable', async () => {
    const badPort = await run(['serve'], { PORT: 'abc' });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/PORT/);
    const remote = await run(['store'], { DYNAMODB_ENDPOINT: 'https://dynamodb.example.com' });
    expect(remote.code).toBe(2);
    expect(remote.stderr.trim().split('\n')).toEqual([expect.stringMatching(/DYNAMODB_ENDPOINT/)]);
  });

  it('reports a store it cannot open once, and exits 1', async () => {
    const notAFolder = path.join(dataDir, 'a-file');
    writeFileSync(notAFolder, '');
    const failed = await run(['nth', '100'], { PRIMES_DATA_DIR: notAFolder });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.trim().split('\n')).toEqual([expect.stringMatching(/ENOTDIR/)]);
  });

  it('serves the HTTP API and finds its store kept after a restart', async () => {
    const first = await serve();
    const answer = await fetch(`${first.url}/primes?max=100`);
    expect(await answer.json()).toEqual({ primes: Array.from(REFERENCE.slice(0, 25)), next: null });
    await first.stop();

    const second = await serve();
    const store = await (await fetch(`${second.url}/store`)).json();
    expect(store).toMatchObject({ count: 25, lastPrime: 97 });
    await second.stop();
  });
});

/** Starts `primes serve` on a free port and waits for the line that says where it listens. */
async function serve(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = start(['serve', '--port', '0']);
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (data: Buffer) => {
      stdout += data;
      const match = /"url":"([^"]+)"/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.on('close', (code) => reject(new Error(`serve exited with ${code} before listening`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
  };
}
