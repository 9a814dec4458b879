import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { checkPrimeRun } from '../../domain/codec/prime-run-codec';
import type { Logger } from '../../ports/logger';
import {
  beyondStore,
  storedPrimes,
  type PrimeRepository,
  type StoreDescription,
  type StoredPrimes,
  type StoreReach,
} from '../../ports/prime-repository';
import { StoreCorruptError, StoreGapError } from '../../ports/store-errors';
import { assertPosition, assertPositionRange } from '../position-checks';
import { CapacityMeter } from './capacity-meter';
import { chunkItemOf, decodeChunkItem, type ChunkItem } from './chunk-item';
import { ChunkTable, type StoredItem } from './chunk-table';
import { DecodedChunkCache } from './decoded-chunk-cache';
import {
  emptyMetaItem,
  FORMAT_VERSION,
  META_INDEX,
  parseMetaItem,
  type MetaItem,
} from './meta-item';
import { runBounded } from './run-bounded';
import { StoreLayoutMismatchError } from './store-layout-mismatch-error';

/**
 * About 64 KB per chunk at one byte per prime (gaps stay one byte up to about 1e11); 128 KB
 * when every halved gap needs two bytes, as all gaps below 2^53 do at worst. Writing is billed
 * per KB whatever C is, a chunk read of 64 KB costs 8 units eventually consistent, and
 * 16 chunks fill the 1 MB a BatchGetItem answers at most on dynalite.
 */
export const DEFAULT_CHUNK_CAPACITY = 65_536;
// At the codec's 3-byte worst case per gap this keeps an item under 300 KB of DynamoDB's 400 KB.
const MAX_CHUNK_CAPACITY = 100_000;
// Keys per BatchGetItem: about 1 MB of chunks, what one answer carries on dynalite.
const READ_BATCH_BYTES = 1 << 20;
// As many puts in flight as an extender's save holds chunks: the save ends after one round trip.
const DEFAULT_WRITE_CONCURRENCY = 8;

export interface DynamoDbPrimeRepositoryOptions {
  /** Primes per chunk item. Fixed per table: the first write records it in the meta item. */
  readonly chunkCapacity?: number;
  /** Chunk puts one append keeps in flight at once. */
  readonly writeConcurrency?: number;
  /** Bytes of decoded primes kept between reads; 0 keeps none. */
  readonly chunkCacheBytes?: number;
  readonly logger?: Logger;
}

/** Where the contiguous prefix ends, with the primes of the chunk that end falls in. */
interface StoreEnd {
  readonly count: number;
  readonly lastPrime: number;
  /** The primes of chunk floor(count / C): count mod C of them. */
  readonly tail: Float64Array;
  readonly metaExists: boolean;
}

/**
 * The prime store as chunk items in one DynamoDB table, keyed by `index`. Chunk k >= 0
 * holds positions [k*C, k*C + n); the meta item (index -1) holds a prefix hint and the layout.
 * Every write is conditional and grow-only, so any number of processes may extend at once and a
 * crash at any point leaves a store that is correct, if shorter than intended.
 */
export class DynamoDbPrimeRepository implements PrimeRepository {
  readonly chunkCapacity: number;
  private readonly writeConcurrency: number;
  private readonly readBatchSize: number;
  private readonly meter = new CapacityMeter();
  private readonly table: ChunkTable;
  private readonly cache: DecodedChunkCache;
  private readonly logger?: Logger;
  private layoutChecked = false;
  /**
   * The end this repository last found or wrote. The store only grows, and a chunk's bytes
   * depend only on its position and count, so an append at exactly this end may build on it
   * without reading the store again: if another writer got further meanwhile, the conditional
   * writes keep what it stored, and no gap can open. It saves an extender two reads per append.
   */
  private knownEnd: StoreEnd | undefined;

  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    options: DynamoDbPrimeRepositoryOptions = {},
  ) {
    const chunkCapacity = options.chunkCapacity ?? DEFAULT_CHUNK_CAPACITY;
    if (
      !Number.isInteger(chunkCapacity) ||
      chunkCapacity < 1 ||
      chunkCapacity > MAX_CHUNK_CAPACITY
    ) {
      throw new RangeError(`chunkCapacity must be a whole number in [1, ${MAX_CHUNK_CAPACITY}]`);
    }
    const writeConcurrency = options.writeConcurrency ?? DEFAULT_WRITE_CONCURRENCY;
    if (!Number.isInteger(writeConcurrency) || writeConcurrency < 1) {
      throw new RangeError('writeConcurrency must be a whole number >= 1');
    }
    this.chunkCapacity = chunkCapacity;
    this.writeConcurrency = writeConcurrency;
    this.readBatchSize = Math.max(1, Math.min(100, Math.floor(READ_BATCH_BYTES / chunkCapacity)));
    this.logger = options.logger;
    this.cache = new DecodedChunkCache(options.chunkCacheBytes);
    this.table = new ChunkTable(client, tableName, this.meter, options.logger);
  }

  async reach(): Promise<StoreReach> {
    const { count, lastPrime } = await this.locateEnd();
    return { count, lastPrime };
  }

  async readPrimes(fromPosition: number, toPosition: number): Promise<StoredPrimes> {
    assertPositionRange(fromPosition, toPosition);
    if (fromPosition === toPosition) return storedPrimes(new Float64Array(0));
    if (!this.layoutChecked) await this.readMeta();
    const capacity = this.chunkCapacity;
    const firstChunk = Math.floor(fromPosition / capacity);
    const lastChunk = Math.floor((toPosition - 1) / capacity);
    // The range's last chunk first: it proves the range is stored before the result is allocated.
    const lastNeeded = toPosition - lastChunk * capacity;
    const last =
      this.cache.take(lastChunk, lastNeeded) ??
      (await this.verifiedChunk(lastChunk, await this.table.get(lastChunk, false), lastNeeded));
    if (!(last instanceof Float64Array)) return beyondStore(last);

    const primes = new Float64Array(toPosition - fromPosition);
    // Chunks are placed by growing index, each right after the one placed before it.
    let previousLast = -Infinity;
    const place = (index: number, chunk: Float64Array): void => {
      if (chunk[0] <= previousLast) {
        throw new StoreCorruptError(index, `first ${chunk[0]} does not follow ${previousLast}`);
      }
      previousLast = chunk[chunk.length - 1];
      const start = index * capacity;
      const from = Math.max(fromPosition, start) - start;
      const to = Math.min(toPosition, start + chunk.length) - start;
      primes.set(chunk.subarray(from, to), start + from - fromPosition);
    };
    // Batch by batch, so that no more than one batch of fetched chunks is held beside the result.
    let index = firstChunk;
    while (index < lastChunk) {
      const kept = this.cache.take(index, capacity);
      if (kept !== undefined) {
        place(index++, kept);
        continue;
      }
      // Up to the next chunk kept meanwhile; not this one, which `take` has just missed.
      const indexes: number[] = [];
      for (; index < lastChunk && indexes.length < this.readBatchSize; index++) {
        if (this.cache.holds(index, capacity)) break;
        indexes.push(index);
      }
      const items = await this.table.batchGet(indexes, false);
      for (const at of indexes) {
        const chunk = await this.verifiedChunk(at, items.get(at), capacity);
        // The last chunk holds what the range needs, so every chunk before it is full.
        if (!(chunk instanceof Float64Array)) throw missingChunk(at);
        place(at, chunk);
      }
    }
    place(lastChunk, last);
    return storedPrimes(primes);
  }

  async appendPrimes(position: number, primes: Float64Array): Promise<void> {
    assertPosition(position);
    const known = this.knownEnd;
    const end = known !== undefined && known.count === position ? known : await this.locateEnd();
    if (position > end.count) throw new StoreGapError(position, end.count);
    const held = end.count - position;
    if (held >= primes.length) {
      // Nothing new, but a malformed run is refused whatever the store holds.
      checkPrimeRun(primes);
      return;
    }
    checkPrimeRun(primes.subarray(0, held + 1));
    const fresh = primes.subarray(held);
    // Every item is encoded, and so checked, before the first write: a bad run writes nothing.
    const { items, tail } = this.chunkItemsAfter(end, fresh);
    this.knownEnd = undefined;
    if (!end.metaExists) await this.createMeta();
    await runBounded(items, this.writeConcurrency, (item) => this.table.putChunkIfLonger(item));
    // Only now: every chunk up to the new end is stored, by this writer or a longer one.
    const count = end.count + fresh.length;
    const lastPrime = fresh[fresh.length - 1];
    await this.table.raiseMetaHint(count, lastPrime);
    this.knownEnd = { count, lastPrime, tail, metaExists: true };
  }

  async describe(): Promise<StoreDescription> {
    const { count, lastPrime } = await this.locateEnd();
    return {
      count,
      lastPrime,
      engine: 'dynamodb',
      chunkCapacity: this.chunkCapacity,
      chunks: Math.ceil(count / this.chunkCapacity),
      consumed: this.meter.usage(),
      chunkCache: this.cache.usage(),
    };
  }

  /**
   * The meta item's hint says where to start; the chunks say where the prefix ends. A writer may
   * have died after its chunks and before the hint, so the chunks after the hint are walked (in
   * growing batches) until one is absent or not full, and a hint found behind is raised.
   *
   * The meta item and these chunks are read strongly consistent: they change with every append,
   * and an older copy would make reach() go back behind a write its caller has seen succeed, and
   * appendPrimes refuse a legitimate append as a gap.
   */
  private async locateEnd(): Promise<StoreEnd> {
    const meta = await this.readMeta();
    if (meta === undefined) {
      return { count: 0, lastPrime: 0, tail: new Float64Array(0), metaExists: false };
    }
    const capacity = this.chunkCapacity;
    const start = Math.floor(meta.count / capacity);
    let index = start;
    let lastPrime = 0;
    let window = 1;
    for (;;) {
      const indexes = Array.from({ length: window }, (_, offset) => index + offset);
      const items = await this.table.batchGet(indexes, true);
      for (const at of indexes) {
        const item = items.get(at);
        const chunk =
          item === undefined ? new Float64Array(0) : decodeChunkItem(item, at, capacity);
        if (chunk.length > 0) this.cache.keep(at, chunk);
        if (chunk.length < capacity) {
          const count = at * capacity + chunk.length;
          if (chunk.length > 0) lastPrime = chunk[chunk.length - 1];
          else if (at === start) lastPrime = await this.lastPrimeBefore(start, meta);
          if (count > meta.count) await this.table.raiseMetaHint(count, lastPrime);
          this.knownEnd = { count, lastPrime, tail: chunk, metaExists: true };
          return this.knownEnd;
        }
        lastPrime = chunk[capacity - 1];
      }
      index += window;
      window = Math.min(window * 2, this.readBatchSize);
    }
  }

  /** The prime at position index*C - 1, which ends chunk index - 1. */
  private async lastPrimeBefore(index: number, meta: MetaItem): Promise<number> {
    if (index === 0) return 0;
    if (meta.count === index * this.chunkCapacity) return meta.last;
    // The hint points into chunk `index`; its last prime is of no use if that chunk ends earlier.
    const item = await this.table.get(index - 1, true);
    if (item === undefined) throw missingChunk(index - 1);
    const chunk = decodeChunkItem(item, index - 1, this.chunkCapacity);
    if (chunk.length < this.chunkCapacity) throw missingChunk(index - 1);
    return chunk[chunk.length - 1];
  }

  /**
   * A chunk item's primes, checked and kept, when it holds at least `needed`; else how far the
   * store reaches. Full chunks never change, so they are read eventually consistent at half the
   * price; one that comes back absent or short may just have been written, so it is read again
   * strongly consistent before the range counts as not stored.
   */
  private async verifiedChunk(
    index: number,
    item: StoredItem | undefined,
    needed: number,
  ): Promise<Float64Array | StoreReach> {
    let found = item;
    if (found === undefined || Number(found.count) < needed) {
      this.logger?.debug({ chunk: index }, 'chunk absent or short: reading it consistently');
      found = await this.table.get(index, true);
    }
    if (found === undefined || Number(found.count) < needed) {
      const end = await this.locateEnd();
      if (index * this.chunkCapacity + needed > end.count) {
        return { count: end.count, lastPrime: end.lastPrime };
      }
      // The store now reaches past this chunk, so another writer stored it since it was read
      // (chunks are written before the end moves): it is missing only if still not there.
      found = await this.table.get(index, true);
      if (found === undefined || Number(found.count) < needed) throw missingChunk(index);
    }
    const primes = decodeChunkItem(found, index, this.chunkCapacity);
    this.cache.keep(index, primes);
    return primes;
  }

  /** The chunk items that store `fresh` after `end`, and the primes of the new end's chunk. */
  private chunkItemsAfter(
    end: StoreEnd,
    fresh: Float64Array,
  ): { items: ChunkItem[]; tail: Float64Array } {
    const capacity = this.chunkCapacity;
    if (end.count > 0) checkPrimeRun(Float64Array.of(end.lastPrime, fresh[0]));
    const items: ChunkItem[] = [];
    let index = Math.floor(end.count / capacity);
    let taken = 0;
    let lastRun = end.tail;
    if (end.tail.length > 0) {
      // Appending mid-chunk rewrites that chunk whole: the primes it has, then the new ones.
      taken = Math.min(capacity - end.tail.length, fresh.length);
      const run = new Float64Array(end.tail.length + taken);
      run.set(end.tail);
      run.set(fresh.subarray(0, taken), end.tail.length);
      items.push(chunkItemOf(index++, run));
      lastRun = run;
    }
    while (taken < fresh.length) {
      if (taken > 0) checkPrimeRun(fresh.subarray(taken - 1, taken + 1));
      const size = Math.min(capacity, fresh.length - taken);
      lastRun = fresh.subarray(taken, taken + size);
      items.push(chunkItemOf(index++, lastRun));
      taken += size;
    }
    // A full last chunk leaves the new end on a boundary, with nothing of its chunk stored yet.
    const tail = lastRun.length < capacity ? lastRun.slice() : new Float64Array(0);
    return { items, tail };
  }

  private async createMeta(): Promise<void> {
    const created = await this.table.createMeta(emptyMetaItem(this.chunkCapacity));
    // Someone else created it first: their layout is the table's, and must be ours.
    if (!created) await this.readMeta();
    this.layoutChecked = true;
  }

  private async readMeta(): Promise<MetaItem | undefined> {
    const item = await this.table.get(META_INDEX, true);
    if (item === undefined) return undefined;
    const meta = parseMetaItem(item);
    if (meta === undefined)
      throw new StoreCorruptError(META_INDEX, 'the meta item lacks attributes');
    const tableName = this.table.tableName;
    if (meta.formatVersion !== FORMAT_VERSION) {
      throw new StoreLayoutMismatchError(
        tableName,
        'formatVersion',
        FORMAT_VERSION,
        meta.formatVersion,
      );
    }
    if (meta.chunkCapacity !== this.chunkCapacity) {
      throw new StoreLayoutMismatchError(
        tableName,
        'chunkCapacity',
        this.chunkCapacity,
        meta.chunkCapacity,
      );
    }
    this.layoutChecked = true;
    return meta;
  }
}

function missingChunk(index: number): StoreCorruptError {
  return new StoreCorruptError(
    index,
    'it is missing below the prefix the meta item records (if it was deleted to repair it, ' +
      `also set the meta item's count to ${index} * chunkCapacity or lower)`,
  );
}
