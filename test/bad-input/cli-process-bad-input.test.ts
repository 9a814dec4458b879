import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectNoInternals } from './bad-input-service';
import { BAD_INPUTS, type BadInputCase } from './bad-inputs';

/**
 * A few cases of the table through the real `primes` process, to prove what runCli's resolved
 * code becomes: the process's exit code 2, the usage hint on stderr, nothing on stdout. The
 * rest of the table runs in-process (cli-bad-input.test.ts), which is much faster.
 */
const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'src/composition/cli-main.ts');
const EXIT_WITHIN_MS = 20_000;

const PICKED = [
  'a repeated parameter',
  'nothing to select by',
  'Infinity (in JSON: 1e400, which parses to Infinity)',
  'an unknown route',
  'from greater than to',
];

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** What the run left in its data folder: an engine started there leaves files. */
  readonly dataFiles: readonly string[];
}

function run(argv: readonly string[]): Promise<Finished> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'primes-bad-input-'));
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...argv], {
    cwd: ROOT,
    env: { ...process.env, PRIMES_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data));
  child.stderr.on('data', (data: Buffer) => (stderr += data));
  return new Promise((resolve, reject) => {
    // A process that does not exit is a hang: kill it (by its own pid) and fail the case.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`primes ${argv.join(' ')} did not exit in ${EXIT_WITHIN_MS} ms`));
    }, EXIT_WITHIN_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const dataFiles = readdirSync(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, dataFiles });
    });
  });
}

describe('bad input on the command line of the real process', () => {
  const picked = PICKED.map((name) => {
    const found: BadInputCase | undefined = BAD_INPUTS.find((each) => each.name === name);
    if (!found?.cli) throw new Error(`the table has no command line case "${name}"`);
    return found;
  });

  it('exits 2 with the usage hint, and starts no engine unless it needs the limits', async () => {
    const results = await Promise.all(picked.map((each) => run(each.cli?.argv ?? [])));
    picked.forEach((testCase, i) => {
      const { code, stdout, stderr, dataFiles } = results[i];
      const argv = testCase.cli?.argv;
      expect({ argv, code, stdout }).toEqual({ argv, code: 2, stdout: '' });
      expect(stderr).toMatch(testCase.cli?.rule ?? testCase.rule);
      expect(stderr).toContain('(run primes --help for usage)');
      expectNoInternals(testCase, stderr);
      if (!testCase.cli?.opensStore) expect({ argv, dataFiles }).toEqual({ argv, dataFiles: [] });
    });
  });
});
