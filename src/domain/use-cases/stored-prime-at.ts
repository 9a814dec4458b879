import type { PrimeRepository } from '../../ports/prime-repository';
import { PositionBeyondStoreError } from '../../ports/store-errors';

/**
 * The prime at `position` (0-based) when the store holds it, else undefined: one chunk read,
 * since most asked-for positions are stored and a look at the store's reach would cost a read
 * more on every answer.
 */
export async function storedPrimeAt(
  repository: PrimeRepository,
  position: bigint,
): Promise<number | undefined> {
  if (position >= BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  const at = Number(position);
  try {
    const [prime] = await repository.readPrimes(at, at + 1);
    return prime;
  } catch (error) {
    if (error instanceof PositionBeyondStoreError) return undefined;
    throw error;
  }
}
