import { readFile, rm, stat, writeFile } from 'node:fs/promises';

/** Whether a process with this pid is running (signal 0 tests without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates `lockFile` exclusively, holding this process's pid. A lock whose owner died (killed
 * mid-extension, say) is removed, and the caller competes again on its next attempt.
 */
export async function takeLock(lockFile: string): Promise<boolean> {
  try {
    await writeFile(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const deadOwner = await deadLockOwner(lockFile);
  // Re-read right before removing, so that only the dead owner's lock is removed.
  if (deadOwner !== undefined && (await readIfPresent(lockFile)) === deadOwner) {
    await rm(lockFile, { force: true });
  }
  return false;
}

/** The lock's content when its owner is dead; undefined while it lives (or the lock is gone). */
async function deadLockOwner(lockFile: string): Promise<string | undefined> {
  const content = await readIfPresent(lockFile);
  if (content === undefined) return undefined;
  const pid = Number(content);
  if (Number.isSafeInteger(pid) && pid > 0) return isAlive(pid) ? undefined : content;
  // Created but not yet written, unless it has stayed empty for long: its creator then died.
  const age = Date.now() - (await stat(lockFile)).mtimeMs;
  return age < 2_000 ? undefined : content;
}

export async function readIfPresent(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}
