import type { Writable } from 'node:stream';
import type { PrimeUseCases } from '../../domain/use-cases/prime-use-cases';

/** A running server, as `primes serve` needs it: where it listens and how to stop it. */
export interface ServingServer {
  readonly url: string;
  close(): Promise<void>;
}

/** What the composition root gives the CLI. */
export interface CliDeps {
  /**
   * The use cases, over a store opened on the first call (which may start an engine): a
   * command line that is wrong never pays for it.
   */
  openUseCases(): Promise<PrimeUseCases>;
  /** Starts the local HTTP server (on `port`, or the root's default when absent). */
  serve(port?: number): Promise<ServingServer>;
  /** Answers and final outcome lines; `primes list` writes millions of lines here. */
  readonly stdout: Writable;
  /** Errors, usage, and the progress bar (only when isTTY). */
  readonly stderr: Writable & { readonly isTTY?: boolean };
  /** Resolves when `primes serve` should stop; default: the first SIGINT or SIGTERM. */
  waitForShutdown?(): Promise<void>;
}
