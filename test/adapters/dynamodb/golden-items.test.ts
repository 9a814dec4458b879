import { GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { chunkItemOf } from '../../../src/adapters/dynamodb/chunk-item';
import { COUNT_FORMAT_VERSION, countItemOf } from '../../../src/adapters/dynamodb/count-item';
import { DynamoDbCountMemory } from '../../../src/adapters/dynamodb/dynamodb-count-memory';
import { FORMAT_VERSION } from '../../../src/adapters/dynamodb/meta-item';
import type { DynamoDbEngine } from '../../../src/composition/engines/dynamodb-engine';
import { startEmbeddedDynalite } from '../../../src/composition/engines/embedded-dynalite';
import { makeTestPrimeStore, type TestPrimeStore } from '../../../src/composition/test-engine';

/**
 * Every item kind of the `primes` table, pinned byte for byte as DynamoDB holds it. A chunk
 * written by one release must read back right in the next, so a change of any format must
 * fail here until its version is raised and the new bytes are added under the new version.
 *
 * The bytes were derived once, outside the code under test: LEB128 of the first prime, then of
 * each halved gap, with 0 for the gap 2 -> 3 (`gapCodedRun` below restates that rule), and the
 * checksum by zlib's CRC-32 of those bytes.
 */
const GOLDEN_CHUNKS: Record<number, { chunk0: number[]; chunk1: number[]; wide: number[] }> = {
  1: {
    // 2, 3, 5, 7, 11, 13, 17: 2, then 0 for 2 -> 3, then halved gaps 1, 1, 2, 1, 2.
    chunk0: [0x02, 0x00, 0x01, 0x01, 0x02, 0x01, 0x02],
    // 19, 23, 29: 19, then 2, 3.
    chunk1: [0x13, 0x02, 0x03],
    // 436273009 and 436273291, the first gap of 282: a four-byte start, a two-byte gap.
    wide: [0xf1, 0xfe, 0x83, 0xd0, 0x01, 0x8d, 0x01],
  },
};

const GOLDEN_CHUNK_ITEMS: Record<number, Record<string, AttributeValue>[]> = {
  1: [
    {
      index: { N: '0' },
      count: { N: '7' },
      first: { N: '2' },
      last: { N: '17' },
      crc32: { N: '2076050561' },
      primes: { B: Uint8Array.from(GOLDEN_CHUNKS[1].chunk0) },
    },
    {
      index: { N: '1' },
      count: { N: '3' },
      first: { N: '19' },
      last: { N: '29' },
      crc32: { N: '1243543299' },
      primes: { B: Uint8Array.from(GOLDEN_CHUNKS[1].chunk1) },
    },
  ],
};

const GOLDEN_META_ITEMS: Record<number, Record<string, AttributeValue>> = {
  1: {
    index: { N: '-1' },
    count: { N: '10' },
    last: { N: '29' },
    chunkCapacity: { N: '7' },
    formatVersion: { N: '1' },
  },
};

const PI_1E16 = { from: 0n, to: 10n ** 16n };
const WINDOW_AT_1E18 = { from: 10n ** 18n, to: 10n ** 18n + 10n ** 9n };

const GOLDEN_COUNT_ITEMS: Record<number, Record<string, AttributeValue>[]> = {
  1: [
    {
      // -2 - 10^16
      index: { N: '-10000000000000002' },
      from: { N: '0' },
      to: { N: '10000000000000000' },
      count: { N: '279238341033925' },
      formatVersion: { N: '1' },
    },
    {
      // -(2^64 + 2) - (10^18 * 2^40 + 10^9)
      index: { N: '-1099511627794446744074709551618' },
      from: { N: '1000000000000000000' },
      to: { N: '1000000001000000000' },
      count: { N: '24127085' },
      formatVersion: { N: '1' },
    },
  ],
};

/** The gap code restated from its definition, to show where the golden bytes come from. */
function gapCodedRun(primes: readonly number[]): number[] {
  const leb128 = (value: number): number[] => {
    const out: number[] = [];
    let rest = value;
    while (rest >= 0x80) {
      out.push((rest % 0x80) + 0x80);
      rest = Math.floor(rest / 0x80);
    }
    return [...out, rest];
  };
  return primes.flatMap((prime, i) => {
    if (i === 0) return leb128(prime);
    return primes[i - 1] === 2 ? [0] : leb128((prime - primes[i - 1]) / 2);
  });
}

let engine: DynamoDbEngine;
let store: TestPrimeStore;
beforeAll(async () => {
  engine = await startEmbeddedDynalite();
  store = await makeTestPrimeStore(engine, { chunkCapacity: 7 });
});
afterAll(async () => {
  await store.dispose();
  await engine.close();
});

async function rawItem(index: string): Promise<Record<string, AttributeValue> | undefined> {
  const { Item } = await store.clients.client.send(
    new GetItemCommand({ TableName: store.tableName, Key: { index: { N: index } } }),
  );
  return Item;
}

describe('the items of the primes table, pinned to their format version', () => {
  it('has golden bytes for the format version this code writes', () => {
    expect(Object.keys(GOLDEN_CHUNK_ITEMS)).toContain(String(FORMAT_VERSION));
    expect(Object.keys(GOLDEN_COUNT_ITEMS)).toContain(String(COUNT_FORMAT_VERSION));
  });

  it('derives the golden chunk bytes from the gap code as defined', () => {
    const golden = GOLDEN_CHUNKS[1];
    expect(gapCodedRun([2, 3, 5, 7, 11, 13, 17])).toEqual(golden.chunk0);
    expect(gapCodedRun([19, 23, 29])).toEqual(golden.chunk1);
    expect(gapCodedRun([436_273_009, 436_273_291])).toEqual(golden.wide);
  });

  it('writes chunk items exactly as pinned', async () => {
    await store.repository.appendPrimes(0, Float64Array.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29));
    expect([await rawItem('0'), await rawItem('1')]).toEqual(GOLDEN_CHUNK_ITEMS[FORMAT_VERSION]);
    const wide = chunkItemOf(5, Float64Array.of(436_273_009, 436_273_291));
    expect(Array.from(wide.primes)).toEqual(GOLDEN_CHUNKS[FORMAT_VERSION].wide);
    expect(wide.crc32).toBe(1_476_876_550);
  });

  it('writes the meta item exactly as pinned', async () => {
    await store.repository.appendPrimes(0, Float64Array.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29));
    expect(await rawItem('-1')).toEqual(GOLDEN_META_ITEMS[FORMAT_VERSION]);
  });

  it('reads pinned chunk items back as their primes', async () => {
    const other = await store.reopen();
    expect(await other.readPrimes(0, 10)).toEqual({
      stored: true,
      primes: Float64Array.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29),
    });
  });

  it('writes and reads remembered counts exactly as pinned', async () => {
    const memory = new DynamoDbCountMemory(store.clients.client, store.tableName);
    await memory.remember(PI_1E16, 279_238_341_033_925n);
    await memory.remember(WINDOW_AT_1E18, 24_127_085n);
    const golden = GOLDEN_COUNT_ITEMS[COUNT_FORMAT_VERSION];
    expect(countItemOf(PI_1E16, 279_238_341_033_925n)).toEqual(golden[0]);
    expect(await rawItem('-10000000000000002')).toEqual(golden[0]);
    expect(await rawItem('-1099511627794446744074709551618')).toEqual(golden[1]);
    expect(await memory.recall(WINDOW_AT_1E18)).toBe(24_127_085n);
  });
});
