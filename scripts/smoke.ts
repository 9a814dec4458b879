import { Command, InvalidArgumentError } from 'commander';

/**
 * `npm run smoke -- <api-url>`: checks a running primes service (a deployment's ApiUrl output,
 * or the local server) the way a caller uses it, and exits non-zero on any mismatch. Every
 * answer is compared with primes this script finds itself with a plain sieve, or with known
 * values, never with what the service said before.
 */

/**
 * The default counting cap, 1e16, and pi(1e16) (published): the count takes longer than one
 * request's budget here, so it meets the deadline unless a faster host finished and remembered it.
 */
export const DEFAULT_DEADLINE_TO = '10000000000000000';
const PI_AT_DEFAULT_DEADLINE_TO = '279238341033925';

export interface SmokeOptions {
  /**
   * The x of the `GET /primes/count?to=x` that must reach the service's deadline: the count
   * runs until the deadline and answers 503 with Retry-After, and nothing half-done is kept.
   * Locally a small request budget (PRIMES_REQUEST_BUDGET_MS=100) makes the 503 come at once;
   * a deployment spends one invocation of up to its 26-second budget.
   */
  readonly deadlineTo?: string;
  /** Skip the deadline check (a deployment then spends nothing on it). */
  readonly skipDeadline?: boolean;
  /** Retries of a 503 in the other checks, after its Retry-After; default 5. */
  readonly retries?: number;
}

export interface SmokeCheck {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

class Mismatch extends Error {}

function expectThat(condition: boolean, detail: string): void {
  if (!condition) throw new Mismatch(detail);
}

/** The primes <= max, by a plain sieve of Eratosthenes: the independent reference. */
export function plainSieve(max: number): number[] {
  const composite = new Uint8Array(max + 1);
  const primes: number[] = [];
  for (let n = 2; n <= max; n++) {
    if (composite[n]) continue;
    primes.push(n);
    for (let multiple = n * n; multiple <= max; multiple += n) composite[multiple] = 1;
  }
  return primes;
}

export async function runSmoke(apiUrl: string, options: SmokeOptions = {}): Promise<SmokeCheck[]> {
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  const retries = options.retries ?? 5;
  const fetchOnce = async (target: string): Promise<Answer> => {
    const response = await fetch(new URL(target.replace(/^\//, ''), base), {
      headers: { accept: 'application/json, text/html' },
      signal: AbortSignal.timeout(35_000),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  // A 503 "come back later" is an ordinary answer: a caller waits and asks again.
  const get = async (target: string): Promise<Answer> => {
    for (let attempt = 0; ; attempt++) {
      const answer = await fetchOnce(target);
      const wait = Number(answer.headers.get('retry-after') ?? Number.NaN);
      if (answer.status !== 503 || attempt >= retries || !Number.isFinite(wait)) return answer;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 30) * 1_000));
    }
  };
  const json = (answer: Answer, target: string): unknown => {
    expectThat(
      answer.status === 200,
      `GET ${target} answered ${answer.status}: ${answer.text.slice(0, 200)}`,
    );
    try {
      return JSON.parse(answer.text);
    } catch {
      throw new Mismatch(`GET ${target} answered a body that is not JSON`);
    }
  };

  const checks: Array<[string, () => Promise<string>]> = [
    [
      'the seed request: GET /primes?max=100 gives the 25 primes up to 100',
      async () => {
        const target = '/primes?max=100';
        const body = json(await get(target), target) as { primes?: unknown; next?: unknown };
        expectThat(
          JSON.stringify(body.primes) === JSON.stringify(plainSieve(100)),
          `primes ${JSON.stringify(body.primes)}`,
        );
        expectThat(body.next === null, `next is ${JSON.stringify(body.next)}, not null`);
        return '25 primes, next null';
      },
    ],
    [
      'a deep page: the first 25,000 primes in pages of 10,000, following each next cursor',
      async () => {
        const expected = plainSieve(300_000).slice(0, 25_000);
        const received: number[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const target: string =
            `/primes?count=25000&limit=10000` +
            (cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`);
          const body = json(await get(target), target) as { primes?: unknown; next?: unknown };
          expectThat(Array.isArray(body.primes), `GET ${target} has no primes array`);
          received.push(...(body.primes as number[]));
          expectThat(
            body.next === null || typeof body.next === 'string',
            `next is ${JSON.stringify(body.next)}`,
          );
          cursor = body.next as string | null;
          pages++;
          expectThat(pages <= 3, 'more than 3 pages for 25,000 primes in pages of 10,000');
        } while (cursor !== null);
        expectThat(pages === 3, `${pages} pages, not 3`);
        const firstWrong = expected.findIndex((prime, index) => received[index] !== prime);
        expectThat(
          received.length === expected.length && firstWrong === -1,
          `${received.length} primes; first difference at position ${firstWrong}`,
        );
        return `3 pages, the last ending at ${received[received.length - 1]}`;
      },
    ],
    ...(options.skipDeadline
      ? []
      : ([
          [
            'a deadline: GET /primes/count?to=x answers 503 with Retry-After',
            async () => {
              const to = options.deadlineTo ?? DEFAULT_DEADLINE_TO;
              const answer = await fetchOnce(`/primes/count?to=${to}`);
              if (answer.status === 200 && to === DEFAULT_DEADLINE_TO) {
                const body = JSON.parse(answer.text) as { count?: unknown };
                expectThat(
                  String(body.count) === PI_AT_DEFAULT_DEADLINE_TO,
                  `pi(${to}) is ${PI_AT_DEFAULT_DEADLINE_TO}, not ${String(body.count)}`,
                );
                return 'the count finished within the budget: its value checked';
              }
              expectThat(answer.status === 503, `answered ${answer.status}, not 503`);
              const retryAfter = answer.headers.get('retry-after');
              expectThat(
                retryAfter !== null && /^\d+$/.test(retryAfter),
                `Retry-After is ${String(retryAfter)}`,
              );
              const body = JSON.parse(answer.text) as { error?: { code?: unknown } };
              expectThat(
                body.error?.code === 'DEADLINE_REACHED',
                `error code ${String(body.error?.code)}, not DEADLINE_REACHED`,
              );
              return `503, Retry-After ${retryAfter}`;
            },
          ],
        ] as Array<[string, () => Promise<string>]>)),
    [
      'the docs page: GET /docs answers 200 with an HTML page',
      async () => {
        const answer = await fetchOnce('/docs');
        expectThat(answer.status === 200, `answered ${answer.status}`);
        const type = answer.headers.get('content-type') ?? '';
        expectThat(type.startsWith('text/html'), `content-type ${type}`);
        expectThat(/<html[\s>]/i.test(answer.text), 'the body holds no <html> element');
        return `${answer.text.length} characters of HTML`;
      },
    ],
  ];

  const results: SmokeCheck[] = [];
  for (const [name, check] of checks) {
    try {
      results.push({ name, passed: true, detail: await check() });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      results.push({ name, passed: false, detail });
    }
  }
  return results;
}

function decimalValue(value: string): string {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('must be a positive integer');
  return value;
}

async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('smoke')
    .description(
      "check a running primes service: the seed's request, a deep page, a deadline 503, /docs",
    )
    .argument('<api-url>', "the base URL: the deployment's ApiUrl output, or the local server")
    .option(
      '--deadline-to <x>',
      `x of the GET /primes/count?to=x that must meet the deadline (default ${DEFAULT_DEADLINE_TO})`,
      decimalValue,
    )
    .option('--skip-deadline', 'do not check the deadline 503 (a deployment then spends nothing)')
    .parse(argv, { from: 'user' });
  const [apiUrl] = program.args;
  const options = program.opts<{ deadlineTo?: string; skipDeadline?: boolean }>();
  const results = await runSmoke(apiUrl, options);
  for (const result of results) {
    process.stdout.write(`${result.passed ? 'ok  ' : 'FAIL'} ${result.name}: ${result.detail}\n`);
  }
  return results.every((result) => result.passed) ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`smoke: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
