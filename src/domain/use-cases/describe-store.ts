import type { PrimeRepository, StoreDescription } from '../../ports/prime-repository';

/** How far the store reaches and what it has cost: the /store route's answer. */
export class DescribeStore {
  constructor(private readonly repository: PrimeRepository) {}

  execute(): Promise<StoreDescription> {
    return this.repository.describe();
  }
}
