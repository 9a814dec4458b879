import { parentPort } from 'node:worker_threads';
import type { PrimeComputations } from '../../domain/computations/prime-computations';
import type { ComputationReply, ComputationRequest } from './computation-messages';

/** The computations that take a `shouldStop` after their own arguments. */
const STOPPABLE = new Set(['primePi', 'nthPrime', 'countPrimesInWindow', 'primesInWindow']);

/**
 * The worker thread's side: runs each request on `computations`, one at a time, and replies
 * with its value or its error (keeping the error's code, so a deadline stays a deadline).
 */
export function serveComputations(computations: PrimeComputations): void {
  const port = parentPort;
  if (!port) throw new Error('serveComputations runs inside a worker thread only');
  port.on('message', (request: ComputationRequest) => {
    void answer(computations, request).then((reply) => port.postMessage(reply));
  });
}

async function answer(
  computations: PrimeComputations,
  { id, name, args, stop }: ComputationRequest,
): Promise<ComputationReply> {
  const shouldStop = () => Atomics.load(stop, 0) === 1;
  const call = computations[name] as (...parameters: unknown[]) => Promise<unknown>;
  try {
    const value = await call(...(STOPPABLE.has(name) ? [...args, shouldStop] : args));
    return { id, ok: true, value };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    const code = 'code' in failure && typeof failure.code === 'string' ? failure.code : undefined;
    return { id, ok: false, error: { name: failure.name, message: failure.message, code } };
  }
}
