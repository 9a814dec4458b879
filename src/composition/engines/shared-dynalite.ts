import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDbEngine } from './dynamodb-engine';
import { startEmbeddedDynalite } from './embedded-dynalite';
import { isAlive, readIfPresent, takeLock } from './process-files';

/**
 * The development store on disk. dynalite's storage allows one process per folder (a second
 * one crashes on its first request), so one process owns the engine: it takes `engine.lock`,
 * starts dynalite and writes its endpoint to `engine.json`. Every other process (a CLI command
 * run while `npm start` serves, or commands started at the same moment) registers under
 * `borrowers/` and talks to the owner's engine; the owner closes only when no live borrower is
 * left, so nobody loses the engine mid-command.
 */
export async function openSharedDynalite(
  dataDir: string,
  waitMs = 20_000,
): Promise<DynamoDbEngine> {
  const files = {
    engine: path.join(dataDir, 'engine.json'),
    lock: path.join(dataDir, 'engine.lock'),
    borrowers: path.join(dataDir, 'borrowers'),
  };
  await mkdir(files.borrowers, { recursive: true });
  const borrowerFile = path.join(files.borrowers, String(process.pid));
  const giveUpAt = Date.now() + waitMs;
  for (;;) {
    // Registered before looking, so an owner that is closing waits for this process.
    await writeFile(borrowerFile, '');
    const endpoint = await runningEndpoint(files.engine);
    if (endpoint) {
      const unregister = () => rm(borrowerFile, { force: true });
      return { kind: 'endpoint', endpoint, close: unregister };
    }
    await rm(borrowerFile, { force: true });
    if (await takeLock(files.lock)) return startOwnedEngine(dataDir, files);
    if (Date.now() > giveUpAt) {
      throw new Error(
        `${files.lock} is held by a live process that serves no engine; ` +
          'stop that process (or delete the file if it is not a primes process)',
      );
    }
    await sleep(50);
  }
}

async function startOwnedEngine(
  dataDir: string,
  files: { engine: string; lock: string; borrowers: string },
): Promise<DynamoDbEngine> {
  try {
    const engine = await startEmbeddedDynalite({ path: path.join(dataDir, 'dynalite') });
    await writeFile(files.engine, JSON.stringify({ endpoint: engine.endpoint, pid: process.pid }));
    return {
      ...engine,
      close: async () => {
        await rm(files.engine, { force: true });
        await untilNoLiveBorrower(files.borrowers);
        await engine.close();
        await rm(files.lock, { force: true });
      },
    };
  } catch (error) {
    await rm(files.lock, { force: true });
    throw error;
  }
}

async function untilNoLiveBorrower(borrowers: string): Promise<void> {
  for (;;) {
    const pids = (await readdir(borrowers)).map(Number);
    if (!pids.some((pid) => pid !== process.pid && isAlive(pid))) return;
    await sleep(100);
  }
}

async function runningEndpoint(engineFile: string): Promise<string | undefined> {
  let owner: { endpoint: string; pid: number };
  try {
    owner = JSON.parse((await readIfPresent(engineFile)) ?? '');
  } catch {
    return undefined; // absent, or being written: look again on the next round
  }
  const usable = owner.pid !== process.pid && isAlive(owner.pid) && (await answers(owner.endpoint));
  return usable ? owner.endpoint : undefined;
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}
