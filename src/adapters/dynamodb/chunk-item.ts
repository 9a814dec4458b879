import { crc32 } from 'node:zlib';
import { decodePrimeRun, encodePrimeRun } from '../../domain/codec/prime-run-codec';
import { StoreCorruptError } from '../../ports/store-errors';

/**
 * Chunk k >= 0 of the table: the primes at positions [k*C, k*C + count) as one gap-coded
 * Binary attribute, with what a reader needs to check them before serving them.
 */
export interface ChunkItem {
  readonly index: number;
  readonly count: number;
  readonly first: number;
  readonly last: number;
  readonly crc32: number;
  readonly primes: Uint8Array;
}

export function chunkItemOf(index: number, primes: Float64Array): ChunkItem {
  const bytes = encodePrimeRun(primes);
  return {
    index,
    count: primes.length,
    first: primes[0],
    last: primes[primes.length - 1],
    crc32: crc32(bytes),
    primes: bytes,
  };
}

/** What DynamoDB bills an item by: attribute names plus values (numbers about 1 byte per 2 digits). */
export function chunkItemBytes(item: ChunkItem): number {
  const numbers = [item.index, item.count, item.first, item.last, item.crc32];
  const numberBytes = numbers.reduce((sum, n) => sum + Math.ceil(String(n).length / 2) + 1, 0);
  return 'indexcountfirstlastcrc32primes'.length + numberBytes + item.primes.length;
}

/**
 * The primes of a chunk item read back, after checking that its checksum, count, first and last
 * agree with its bytes: a chunk that disagrees is never served.
 */
export function decodeChunkItem(
  item: Record<string, unknown>,
  index: number,
  chunkCapacity: number,
): Float64Array {
  const { count, first, last, primes } = item;
  const checksum = item.crc32;
  if (!(primes instanceof Uint8Array)) throw new StoreCorruptError(index, 'no primes attribute');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > chunkCapacity) {
    throw new StoreCorruptError(index, `count ${String(count)} is not in [1, ${chunkCapacity}]`);
  }
  if (checksum !== crc32(primes)) {
    throw new StoreCorruptError(index, `checksum ${String(checksum)} does not match its bytes`);
  }
  let decoded: Float64Array;
  try {
    decoded = decodePrimeRun(primes, count);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreCorruptError(index, `its bytes do not hold ${count} primes (${reason})`);
  }
  if (first !== decoded[0]) {
    throw new StoreCorruptError(
      index,
      `first ${String(first)} but its bytes start at ${decoded[0]}`,
    );
  }
  if (last !== decoded[count - 1]) {
    throw new StoreCorruptError(
      index,
      `last ${String(last)} but its bytes end at ${decoded[count - 1]}`,
    );
  }
  return decoded;
}
