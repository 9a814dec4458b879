/**
 * Serving (issue 3, goal 4), over real HTTP on 127.0.0.1 through the local server and the
 * development graph on dynalite embedded in this process (data on disk, as `npm start` runs),
 * with the store warm: it already holds every prime below 1e7 (664,579, 11 chunks).
 * - GET /primes?max=1000000&limit=100000: all 78,498 primes in one page (the default page is
 *   10,000 primes, so plain ?max=1000000 answers the first 10,000 and a cursor; walking all 8
 *   pages is its own figure). Goal: median under 60 ms. References, in the same run and in
 *   turn with ours: the same server over the in-memory repository (the transport, routes and
 *   JSON without DynamoDB), and JSON.stringify of the same array in this process.
 * - GET /primes/nth/{n} for n spread over the whole store: the goal is one chunk read per
 *   request, counted from the DynamoDB calls the repository makes; latency beside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryPrimeRepository } from '../src/adapters/memory/in-memory-prime-repository';
import { systemClock } from '../src/composition/system-clock';
import { ExtendPrimes } from '../src/domain/use-cases/extend-primes';
import { summarizeCosts, type CommandCostLog, type CostSummary } from './command-costs';
import { median, type BenchRow, type BenchSuite } from './harness';
import { closeHttpAgent, getText } from './http-get';
import { serveRepository, startDevelopmentLikeServer } from './serving-graph';
import { measureSideBySide } from './side-by-side';

const STORE_MAX = 10_000_000;
const PI_1E6 = 78_498;
const RUNS = 21;
const NTH_REQUESTS = 51;

export const servingBench: BenchSuite = {
  name: 'serving',
  async run(): Promise<BenchRow[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'serving-bench-'));
    const development = await startDevelopmentLikeServer(dataDir);
    const memory = new InMemoryPrimeRepository();
    const memoryServer = await serveRepository(memory);
    try {
      const { repository } = development;
      const { reach } = await new ExtendPrimes(repository, systemClock).execute({
        upTo: STORE_MAX,
      });
      const stored = await repository.readPrimes(0, reach.count);
      if (!stored.stored) throw new Error(`the store ends before its ${reach.count} primes`);
      await memory.appendPrimes(0, stored.primes);
      const urls = { ours: development.server.url, memory: memoryServer.url };

      const rows = await listingRows(urls, development.costs);
      rows.push(...(await pagedRows(urls)));
      rows.push(...(await nthRows(urls, development.costs, reach.count)));
      return rows;
    } finally {
      closeHttpAgent();
      await memoryServer.close();
      await development.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

interface Urls {
  readonly ours: string;
  readonly memory: string;
}

async function listingRows(urls: Urls, costs: CommandCostLog): Promise<BenchRow[]> {
  const path = '/primes?max=1000000&limit=100000';
  const text = await getText(urls.ours + path);
  const body = JSON.parse(text) as { primes: number[]; next: string | null };
  if (body.primes.length !== PI_1E6 || body.next !== null) throw new Error('wrong first page');
  const primes = new Float64Array(body.primes);
  costs.clear();
  await getText(urls.ours + path);
  const perRequest = summarizeCosts(costs.commands);
  const [ours, memory, stringify] = await measureSideBySide(
    [
      () => getText(urls.ours + path),
      () => getText(urls.memory + path),
      () => JSON.stringify(Array.from(primes)),
    ],
    { runs: RUNS },
  );
  const figure = `GET ${path} (78,498 primes, ${(text.length / 1e6).toFixed(2)} MB)`;
  return [
    {
      figure,
      ours,
      reference: memory,
      referenceName: 'same server over the in-memory repository',
      goal: '< 60 ms',
    },
    {
      figure,
      ours,
      reference: stringify,
      referenceName: 'JSON.stringify(Array.from(primes)) in process',
      goal: '< 60 ms',
    },
    ...costRows(`GET ${path}`, perRequest),
  ];
}

/** GET /primes?max=1000000 as a client of the default page size walks it: 8 pages by cursor. */
async function pagedRows(urls: Urls): Promise<BenchRow[]> {
  const walk = async (base: string): Promise<number> => {
    let listed = 0;
    let next: string | null = null;
    do {
      const cursor: string = next === null ? '' : `&cursor=${encodeURIComponent(next)}`;
      const page = JSON.parse(await getText(`${base}/primes?max=1000000${cursor}`)) as {
        primes: number[];
        next: string | null;
      };
      listed += page.primes.length;
      next = page.next;
    } while (next !== null);
    if (listed !== PI_1E6) throw new Error(`walked ${listed} primes`);
    return listed;
  };
  const [ours, memory] = await measureSideBySide([() => walk(urls.ours), () => walk(urls.memory)], {
    runs: 11,
  });
  return [
    {
      figure: 'GET /primes?max=1000000, all 8 pages of 10,000 (default limit) by cursor',
      ours,
      reference: memory,
      referenceName: 'same server over the in-memory repository',
    },
  ];
}

/** GET /primes/nth/{n} for n spread evenly (in a shuffled order) over the stored positions. */
async function nthRows(urls: Urls, costs: CommandCostLog, stored: number): Promise<BenchRow[]> {
  const ns = Array.from({ length: NTH_REQUESTS }, (_, i) => 1 + ((i * 7_919 * 104_729) % stored));
  const perRequest: CostSummary[] = [];
  for (const n of ns) {
    costs.clear();
    const answer = JSON.parse(await getText(`${urls.ours}/primes/nth/${n}`)) as { n: number };
    if (answer.n !== n) throw new Error(`asked for the ${n}-th prime, got ${answer.n}`);
    perRequest.push(summarizeCosts(costs.commands));
  }
  let next = 0;
  const nextN = (): number => ns[next++ % ns.length];
  const [ours, memory] = await measureSideBySide(
    [
      () => getText(`${urls.ours}/primes/nth/${nextN()}`),
      () => getText(`${urls.memory}/primes/nth/${nextN()}`),
    ],
    { runs: NTH_REQUESTS },
  );
  const maxChunkReads = Math.max(...perRequest.map((cost) => cost.chunkReads));
  return [
    {
      figure: `GET /primes/nth/{n}, n in [1, ${stored.toLocaleString('en-US')}]`,
      ours,
      reference: memory,
      referenceName: 'same server over the in-memory repository',
    },
    {
      figure: 'GET /primes/nth/{n}: chunk reads per request (most over the requests)',
      ours: maxChunkReads,
      unit: '',
      goal: '1',
    },
    ...costRows('GET /primes/nth/{n} (median request)', medianCost(perRequest)),
  ];
}

function costRows(request: string, cost: CostSummary): BenchRow[] {
  return [
    { figure: `${request}: DynamoDB calls`, ours: cost.calls, unit: '' },
    { figure: `${request}: chunk reads`, ours: cost.chunkReads, unit: '' },
    { figure: `${request}: read units`, ours: cost.readUnits, unit: 'RCU' },
  ];
}

function medianCost(costs: readonly CostSummary[]): CostSummary {
  const of = (pick: (cost: CostSummary) => number) => median(costs.map(pick));
  return {
    calls: of((cost) => cost.calls),
    chunkReads: of((cost) => cost.chunkReads),
    chunkWrites: of((cost) => cost.chunkWrites),
    readUnits: of((cost) => cost.readUnits),
    writeUnits: of((cost) => cost.writeUnits),
  };
}
