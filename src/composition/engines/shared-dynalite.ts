import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DynamoDbEngine } from './dynamodb-engine';
import { startEmbeddedDynalite } from './embedded-dynalite';

/**
 * The development store on disk. dynalite's storage allows one process per folder, so the
 * process that opens it writes its endpoint beside the data; a CLI command run while
 * `npm start` serves talks to that engine instead of opening the folder a second time.
 */
export async function openSharedDynalite(dataDir: string): Promise<DynamoDbEngine> {
  const engineFile = path.join(dataDir, 'engine.json');
  const running = await runningEngine(engineFile);
  if (running) return running;
  await mkdir(dataDir, { recursive: true });
  const engine = await startEmbeddedDynalite({ path: path.join(dataDir, 'dynalite') });
  await writeFile(engineFile, JSON.stringify({ endpoint: engine.endpoint, pid: process.pid }));
  return {
    ...engine,
    close: async () => {
      await rm(engineFile, { force: true });
      await engine.close();
    },
  };
}

async function runningEngine(engineFile: string): Promise<DynamoDbEngine | undefined> {
  let owner: { endpoint: string; pid: number };
  try {
    owner = JSON.parse(await readFile(engineFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (owner.pid === process.pid || !isAlive(owner.pid) || !(await answers(owner.endpoint))) {
    return undefined;
  }
  return { kind: 'endpoint', endpoint: owner.endpoint, close: async () => undefined };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}
