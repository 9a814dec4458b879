import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runSmoke } from '../../scripts/smoke';

const ROOT = path.resolve(__dirname, '../..');

/**
 * `primes serve --port 0` as a user starts it (the development composition, embedded dynalite
 * in a fresh data folder), with a request budget of 100 ms: the smallest the configuration
 * takes, small enough that a request past the store's end meets its deadline at once.
 */
async function startLocalService(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/composition/cli-main.ts'), 'serve', '--port', '0'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PRIMES_DATA_DIR: dataDir,
        PRIMES_REQUEST_BUDGET_MS: '100',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((each) => each.startsWith('{"url"'));
      if (line !== undefined) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
  });
  return { child, url };
}

describe('npm run smoke', () => {
  describe('against the local server', () => {
    let dataDir: string;
    let service: Awaited<ReturnType<typeof startLocalService>>;

    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'primes-smoke-'));
      service = await startLocalService(dataDir);
    }, 60_000);
    afterAll(async () => {
      if (service?.child.exitCode === null) {
        const exited = new Promise((resolve) => service.child.once('exit', resolve));
        service.child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("passes the seed's request, a deep page, a deadline 503 with Retry-After and the docs page", async () => {
      const results = await runSmoke(service.url);
      const byName = (start: string) => results.find((result) => result.name.startsWith(start));
      expect(byName('the seed request')).toMatchObject({ passed: true });
      expect(byName('a deep page')).toMatchObject({ passed: true });
      expect(byName('a deadline')).toMatchObject({
        passed: true,
        detail: expect.stringMatching(/^503, Retry-After \d+/),
      });
      expect(byName('the docs page')).toMatchObject({ passed: true });
    }, 60_000);
  });

  describe('against a service that answers wrongly', () => {
    let server: Server;
    let url: string;

    beforeAll(async () => {
      // Plausible shapes with wrong contents: one prime missing, no Retry-After, JSON for /docs.
      server = createServer((request, response) => {
        const target = request.url ?? '/';
        if (target.startsWith('/primes/count')) {
          response.writeHead(503, { 'content-type': 'application/json' });
          response.end('{"error":{"code":"DEADLINE_REACHED"}}');
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ primes: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31], next: null }),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('fails every check, naming what differs', async () => {
      const results = await runSmoke(url, { retries: 0 });
      expect(results.map((result) => result.passed)).toEqual([false, false, false, false]);
      expect(results[0].detail).toMatch(/^primes \[2,3,5/);
      expect(results[2].detail).toBe('Retry-After is null');
      expect(results[3].detail).toBe('content-type application/json');
    });

    it('exits non-zero from the command line', async () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'scripts/smoke.ts'), url, '--skip-deadline'],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stdout).toMatch(/^FAIL the seed request/m);
      expect(stdout).not.toMatch(/a deadline/);
    }, 30_000);
  });
});
