import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const REPOSITORY_ROOT = path.resolve(__dirname, '../../..');
const CLI_ENTRY = path.join(REPOSITORY_ROOT, 'src/composition/cli-main.ts');

export interface CliRun {
  readonly child: ChildProcess;
  /** Resolves when the process has exited, however it ended. */
  readonly exited: Promise<CliExit>;
}

export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Starts `primes <args>` as its own process, exactly as `npm run primes` does (tsx over the
 * development root), with `env` added to this process's environment.
 */
export function startPrimesCli(args: readonly string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<CliExit>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}

/** The outcome line `primes extend` prints on stdout when it ends normally. */
export interface ExtendOutcomeLine {
  readonly complete: boolean;
  readonly added: number;
  readonly count: number;
  readonly lastPrime: number;
}

export function extendOutcomeOf(exit: CliExit): ExtendOutcomeLine {
  const context = `exit ${exit.code} ${exit.signal ?? ''}, stderr: ${exit.stderr}`;
  if (exit.code !== 0) throw new Error(`primes extend failed (${context})`);
  const lines = exit.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as ExtendOutcomeLine;
}

/**
 * Waits until the process `pid` has written the shared engine file of `dataDir`: its embedded
 * dynalite then listens, and everything after is the CLI opening the table and extending.
 * Resolves false when the process exits first.
 */
export async function engineStartedBy(
  dataDir: string,
  pid: number,
  exited: Promise<unknown>,
): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  while (!gone) {
    try {
      const owner = JSON.parse(await readFile(path.join(dataDir, 'engine.json'), 'utf8')) as {
        pid?: number;
      };
      if (owner.pid === pid) return true;
    } catch {
      // Not written yet, or being written: look again.
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return false;
}
