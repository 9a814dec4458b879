import { Worker } from 'node:worker_threads';
import type {
  PrimeComputationName,
  PrimeComputations,
} from '../../domain/computations/prime-computations';
import { DeadlineReachedError } from '../../domain/errors/deadline-reached-error';
import type { ComputationReply, ComputationRequest } from './computation-messages';
import { ERROR_CODES } from '../../ports/error-codes';

export interface WorkerThreadOptions {
  /** The worker's entry file: it calls serveComputations with the computations to run. */
  readonly entry: string;
  /** Node options of the worker (e.g. a TypeScript loader when the entry is a .ts file). */
  readonly execArgv?: readonly string[];
  /** Workers running at once; later calls wait for one. Default: 2. */
  readonly size?: number;
  /** How often a running call looks at its caller's shouldStop. Default: 10 ms. */
  readonly pollMs?: number;
  /** How long a told-to-stop worker may take before it is terminated. Default: 250 ms. */
  readonly stopGraceMs?: number;
}

interface Running {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The prime computations, run in worker threads so that the event loop of the server stays free
 * while a count runs for seconds. Workers are started on demand, kept for the next call, and
 * replaced when one dies or is terminated. A call whose shouldStop turns true tells its worker
 * to stop (a shared flag the computation polls); a worker that does not stop within the grace
 * period is terminated. Either way the call fails with the deadline's code.
 */
export class WorkerThreadPrimeComputations implements PrimeComputations {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<(worker: Worker) => void> = [];
  private readonly running = new Map<Worker, Running>();
  /** Workers told to terminate: never handed out again, even before they have exited. */
  private readonly retired = new WeakSet<Worker>();
  private started = 0;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerThreadOptions) {}

  primePi(x: bigint, shouldStop?: () => boolean): Promise<bigint> {
    return this.call('primePi', [x], shouldStop) as Promise<bigint>;
  }

  nthPrime(n: bigint, shouldStop?: () => boolean): Promise<bigint> {
    return this.call('nthPrime', [n], shouldStop) as Promise<bigint>;
  }

  isPrimeU64(n: bigint): Promise<boolean> {
    return this.call('isPrimeU64', [n]) as Promise<boolean>;
  }

  countPrimesInWindow(from: bigint, to: bigint, shouldStop?: () => boolean): Promise<bigint> {
    return this.call('countPrimesInWindow', [from, to], shouldStop) as Promise<bigint>;
  }

  primesInWindow(
    from: bigint,
    to: bigint,
    limit: number,
    shouldStop?: () => boolean,
  ): Promise<BigUint64Array> {
    return this.call('primesInWindow', [from, to, limit], shouldStop) as Promise<BigUint64Array>;
  }

  nextPrime(n: bigint): Promise<bigint | undefined> {
    return this.call('nextPrime', [n]) as Promise<bigint | undefined>;
  }

  previousPrime(n: bigint): Promise<bigint | undefined> {
    return this.call('previousPrime', [n]) as Promise<bigint | undefined>;
  }

  /** Terminates every worker; calls still running fail. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private async call(
    name: PrimeComputationName,
    args: readonly unknown[],
    shouldStop?: () => boolean,
  ): Promise<unknown> {
    if (shouldStop?.()) throw DeadlineReachedError.beforeComputing(`${name}`);
    const worker = await this.acquire();
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const request: ComputationRequest = { id: this.nextId++, name, args, stop };
    let watch: NodeJS.Timeout | undefined;
    let grace: NodeJS.Timeout | undefined;
    try {
      return await new Promise<unknown>((resolve, reject) => {
        this.running.set(worker, { resolve, reject });
        worker.postMessage(request);
        if (!shouldStop) return;
        watch = setInterval(() => {
          if (!shouldStop() || grace) return;
          Atomics.store(stop, 0, 1);
          grace = setTimeout(() => {
            this.retired.add(worker);
            reject(DeadlineReachedError.beforeComputing(name));
            void worker.terminate();
          }, this.options.stopGraceMs ?? 250);
        }, this.options.pollMs ?? 10);
      });
    } finally {
      clearInterval(watch);
      clearTimeout(grace);
      this.release(worker);
    }
  }

  private acquire(): Promise<Worker> {
    if (this.closed) return Promise.reject(new Error('the computation workers are closed'));
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    if (this.started < (this.options.size ?? 2)) return Promise.resolve(this.start());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const wasRunning = this.running.delete(worker);
    if (!wasRunning || this.closed || this.retired.has(worker)) return;
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private start(): Worker {
    this.started++;
    const worker = new Worker(this.options.entry, { execArgv: [...(this.options.execArgv ?? [])] });
    // An idle worker must not keep the process alive; a running call holds it by its promise.
    worker.unref();
    worker.on('message', (reply: ComputationReply) => {
      const running = this.running.get(worker);
      if (!running) return;
      if (reply.ok) running.resolve(reply.value);
      else running.reject(rebuildError(reply.error));
    });
    worker.on('error', (error) => this.running.get(worker)?.reject(error));
    worker.on('exit', (exitCode) => {
      this.started--;
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      this.running.get(worker)?.reject(new Error(`a computation worker exited (${exitCode})`));
      this.running.delete(worker);
      // A caller waiting for a worker gets a fresh one in place of the one that exited.
      const next = this.waiting.shift();
      if (next && !this.closed) next(this.start());
    });
    return worker;
  }
}

function rebuildError(error: { name: string; message: string; code?: string }): Error {
  if (error.code === ERROR_CODES.deadlineReached)
    return DeadlineReachedError.beforeComputing('the computation');
  const rebuilt = Object.assign(new Error(error.message), { code: error.code });
  rebuilt.name = error.name;
  return rebuilt;
}
