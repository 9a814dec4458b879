import { InMemoryCountMemory } from '../../../src/adapters/memory/in-memory-count-memory';
import { describeCountMemoryContract } from '../../contract/count-memory.contract';

describeCountMemoryContract('in memory', async () => {
  const memory = new InMemoryCountMemory();
  // One process, one map: another "process" over the same store is the same object.
  return { memory, reopen: async () => memory, dispose: async () => undefined };
});
