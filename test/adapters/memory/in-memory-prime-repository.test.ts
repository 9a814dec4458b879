import { InMemoryPrimeRepository } from '../../../src/adapters/memory/in-memory-prime-repository';
import { describePrimeRepositoryContract } from '../../contract/prime-repository.contract';

describePrimeRepositoryContract('in memory', async (chunkCapacity) => {
  const repository = new InMemoryPrimeRepository(chunkCapacity);
  return {
    repository,
    engine: 'memory',
    metersCapacity: false,
    reopen: async () => repository,
    dispose: async () => undefined,
  };
});
