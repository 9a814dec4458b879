import { serveComputations } from '../../../src/adapters/worker-thread/serve-computations';
import { inThreadPrimeComputations } from '../../../src/domain/computations/in-thread-prime-computations';

/**
 * A worker whose prime count never looks at its stop flag, as a computation stuck in a long
 * loop would be: the only way to stop it is to terminate the thread.
 */
serveComputations({
  ...inThreadPrimeComputations,
  primePi: async () => {
    for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1_000);
  },
});
