/**
 * Store cost (issue 3, goal 2), in DynamoDB's own units: every call asks for its
 * ConsumedCapacity, which dynalite computes as DynamoDB bills it (1 write unit per KB written,
 * the larger of the old and new item; 1 read unit per 4 KB read consistently, half eventually).
 * Goals per million primes: at most 1,200 write units to store them, at most 200 read units
 * (eventually consistent) to read them back. The reference is the ancestor's layout (one item
 * per prime), measured on a 10,000-prime sample of the same run and scaled to a million.
 *
 * Magnitude is simulated: a fresh table takes a run of a million consecutive primes starting
 * near 1e6, 1e8 or 1e10 at position 0 (the repository checks that runs are consecutive, not
 * that position 0 holds 2), written chunk by chunk as ExtendPrimes writes them. The first
 * million primes proper (from 2) go through ExtendPrimes itself. Units are deterministic, so
 * each figure is one run; the engine is dynalite embedded in this process, in memory.
 */
import { DynamoDbPrimeRepository } from '../src/adapters/dynamodb/dynamodb-prime-repository';
import { systemClock } from '../src/composition/system-clock';
import { startEmbeddedDynalite } from '../src/composition/engines/embedded-dynalite';
import { makeTestPrimeStore, type TestPrimeStore } from '../src/composition/test-engine';
import type { DynamoDbEngine } from '../src/composition/engines/dynamodb-engine';
import { answerDirectInvoke } from '../src/adapters/lambda/direct-invoke';
import { createServiceContainer } from '../src/composition/service-container';
import { PRIME_USE_CASES } from '../src/composition/tokens';
import { PageRequest } from '../src/domain/values/page-request';
import { DEFAULT_PRIME_LIMITS } from '../src/domain/values/prime-limits';
import { ValueRange } from '../src/domain/values/value-range';
import { ExtendPrimes } from '../src/domain/use-cases/extend-primes';
import type { PrimePage } from '../src/domain/use-cases/prime-page';
import type { PrimeUseCases } from '../src/domain/use-cases/prime-use-cases';
import { silentLogger } from '../test/support/silent-logger';
import { measureAncestorLayout } from './ancestor-layout';
import { logCommandCosts, summarizeCosts, type CommandCostLog } from './command-costs';
import { consecutivePrimes } from './consecutive-primes';
import type { BenchRow, BenchSuite } from './harness';
import { smallExtensionRows } from './small-extension';

const MILLION = 1_000_000;
const ANCESTOR_SAMPLE = 10_000;
const P_1E6 = 15_485_863;

interface Magnitude {
  readonly label: string;
  /** The run starts at the first prime >= from; 2 means the store's real first million. */
  readonly from: number;
}

const MAGNITUDES: readonly Magnitude[] = [
  { label: 'first 1e6 primes (2 .. 1.5e7)', from: 2 },
  { label: '1e6 primes from 1e6', from: 1e6 },
  { label: '1e6 primes from 1e8', from: 1e8 },
  { label: '1e6 primes from 1e10', from: 1e10 },
];

export const storeCostBench: BenchSuite = {
  name: 'store-cost',
  async run(): Promise<BenchRow[]> {
    const engine = await startEmbeddedDynalite();
    try {
      const rows: BenchRow[] = [];
      for (const magnitude of MAGNITUDES) rows.push(...(await magnitudeRows(engine, magnitude)));
      return rows;
    } finally {
      await engine.close();
    }
  },
};

async function magnitudeRows(engine: DynamoDbEngine, magnitude: Magnitude): Promise<BenchRow[]> {
  const primes = consecutivePrimes(magnitude.from, MILLION);
  const ancestor = await withStore(engine, (store) =>
    measureAncestorLayout(
      store.clients.documentClient,
      store.tableName,
      primes.subarray(0, ANCESTOR_SAMPLE),
    ),
  );
  return withStore(engine, async (store) => {
    const costs = logCommandCosts(store.clients.client);
    await storeMillion(store.repository, primes, magnitude.from === 2);
    const written = summarizeCosts(costs.commands);
    // The repository meters the same answers; the two must agree.
    const metered = (await store.repository.describe()).consumed.writeUnits;
    if (metered !== written.writeUnits) {
      throw new Error(`metered ${metered} write units, logged ${written.writeUnits}`);
    }
    const readUnits = await readBackUnits(store, primes, costs);
    const ancestorName = `ancestor layout, ${ANCESTOR_SAMPLE.toLocaleString('en-US')} items x 100`;
    const rows: BenchRow[] = [
      {
        figure: `write units per 1e6 primes, ${magnitude.label}`,
        ours: written.writeUnits,
        reference: ancestor.writeUnitsPerMillion,
        referenceName: `${ancestorName} (PutItem each)`,
        unit: 'WCU',
        goal: '<= 1,200',
      },
      {
        figure: `read units to read them back, ${magnitude.label}`,
        ours: readUnits,
        reference: ancestor.scanReadUnitsPerMillion,
        referenceName: `${ancestorName} (eventually consistent Scan)`,
        unit: 'RCU',
        goal: '<= 200',
      },
      {
        figure: `read units spent while storing them (end checks), ${magnitude.label}`,
        ours: written.readUnits,
        unit: 'RCU',
      },
    ];
    if (magnitude.from === 2) {
      rows.push(...(await listingRows(store, costs)));
      rows.push(...(await smallExtensionRows(store.repository, costs, 'the 1e6-prime store')));
    }
    return rows;
  });
}

/** Stores the run as an extension would: ExtendPrimes from 2, else its chunk-sized appends. */
async function storeMillion(
  repository: DynamoDbPrimeRepository,
  primes: Float64Array,
  fromTwo: boolean,
): Promise<void> {
  if (fromTwo) {
    const outcome = await new ExtendPrimes(repository, systemClock).execute({ count: MILLION });
    if (outcome.reach.lastPrime !== P_1E6)
      throw new Error(`stored up to ${outcome.reach.lastPrime}`);
    return;
  }
  const chunk = repository.chunkCapacity;
  for (let position = 0; position < primes.length; position += chunk) {
    await repository.appendPrimes(position, primes.subarray(position, position + chunk));
  }
}

/** Units to read the million back through a repository that has read nothing yet. */
async function readBackUnits(
  store: TestPrimeStore,
  primes: Float64Array,
  costs: CommandCostLog,
): Promise<number> {
  const reader = new DynamoDbPrimeRepository(store.clients.documentClient, store.tableName);
  costs.clear();
  const stored = await reader.readPrimes(0, MILLION);
  const read = stored.stored ? stored.primes : new Float64Array(0);
  if (
    read.length !== MILLION ||
    read[0] !== primes[0] ||
    read[MILLION - 1] !== primes[MILLION - 1]
  ) {
    throw new Error('read back other primes than were stored');
  }
  return summarizeCosts(costs.commands).readUnits;
}

/**
 * What listing the first million costs through each path that lists primes, each from a
 * repository that has read nothing yet (a process just started): the CLI's `list --count`
 * (pages of the largest size), the HTTP API's `?count=` pages at the default size, its value
 * pages `?max=`, and the direct invoke `{"max": 1e7}` (664,579 primes).
 */
async function listingRows(store: TestPrimeStore, costs: CommandCostLog): Promise<BenchRow[]> {
  const limits = DEFAULT_PRIME_LIMITS;
  const all = ValueRange.of(0, P_1E6, limits);
  const paths: ReadonlyArray<[string, (useCases: PrimeUseCases) => Promise<number>]> = [
    [
      '`primes list --count 1000000` (pages of 100,000)',
      (useCases) =>
        pageThrough((c) => useCases.listPrimes.first(MILLION, page(undefined, c), Infinity)),
    ],
    [
      'GET /primes?count=1000000, pages of the default 10,000',
      (useCases) =>
        pageThrough((c) =>
          useCases.listPrimes.first(MILLION, page(limits.defaultPageSize, c), Infinity),
        ),
    ],
    [
      'GET /primes?max=15485863&limit=100000',
      (useCases) =>
        pageThrough((c) => useCases.listPrimes.inRange(all, page(undefined, c), Infinity)),
    ],
    [
      'direct invoke {"max": 10000000} (664,579 primes)',
      async (useCases) =>
        (
          await answerDirectInvoke({ max: 1e7 }, useCases, Infinity, {
            maxValue: 1e7,
            logger: silentLogger,
          })
        ).length,
    ],
  ];
  const rows: BenchRow[] = [];
  for (const [name, list] of paths) {
    const reader = new DynamoDbPrimeRepository(store.clients.documentClient, store.tableName);
    const useCases = createServiceContainer({
      logger: silentLogger,
      limits,
      repository: reader,
    }).get<PrimeUseCases>(PRIME_USE_CASES);
    costs.clear();
    const listed = await list(useCases);
    const expected = name.startsWith('direct') ? 664_579 : MILLION;
    if (listed !== expected) throw new Error(`${name} listed ${listed} primes`);
    const cost = summarizeCosts(costs.commands);
    rows.push({
      figure: `read units to list them: ${name} (${cost.chunkReads} chunk reads, ${cost.calls} calls)`,
      ours: cost.readUnits,
      unit: 'RCU',
      goal: name.startsWith('direct') ? undefined : '<= 135',
    });
  }
  return rows;

  function page(limit: number | undefined, cursor: string | undefined): PageRequest {
    return PageRequest.of(limit ?? limits.maxPageSize, cursor, limits);
  }
}

/** Follows the pages' cursors to the end; how many primes they held. */
async function pageThrough(
  next: (cursor: string | undefined) => Promise<PrimePage>,
): Promise<number> {
  let listed = 0;
  let cursor: string | undefined;
  do {
    const answer = await next(cursor);
    listed += answer.primes.length;
    cursor = answer.next ?? undefined;
  } while (cursor !== undefined);
  return listed;
}

async function withStore<T>(
  engine: DynamoDbEngine,
  use: (store: TestPrimeStore) => Promise<T>,
): Promise<T> {
  const store = await makeTestPrimeStore(engine);
  try {
    return await use(store);
  } finally {
    await store.dispose();
  }
}
