import { serveComputations } from '../adapters/worker-thread/serve-computations';
import { chosenPrimeComputations } from './prime-computations-binding';

/**
 * The entry file of a computation worker thread: the same computations every root binds,
 * served to the thread that started it. Bundled, it is a second entry point beside the root.
 */
serveComputations(chosenPrimeComputations);
