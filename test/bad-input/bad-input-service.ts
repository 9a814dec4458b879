import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import type { PrimeUseCases } from '../../src/domain/use-cases/prime-use-cases';
import type { StoreReach } from '../../src/ports/prime-repository';
import { realClock, useCasesOver } from '../support/memory-use-cases';
import { RecordingRepository } from '../support/recording-repository';
import { firstPrimes } from '../support/reference-primes';
import { SEEDED_PRIMES, TEST_LIMITS, type BadInputCase } from './bad-inputs';

/** The real use cases over a seeded in-memory store, every store call recorded. */
export interface BadInputService {
  readonly useCases: PrimeUseCases;
  readonly recording: RecordingRepository;
  /** Forgets the calls recorded so far, so that each case sees only its own. */
  forget(): void;
  /** The store as seeded: each case must leave it so. */
  readonly seeded: StoreReach;
  reach(): Promise<StoreReach>;
}

export async function badInputService(): Promise<BadInputService> {
  // Small chunks: the seeded 2,000 primes span several, as a real store's would.
  const inner = new InMemoryPrimeRepository(256);
  await inner.appendPrimes(0, firstPrimes(SEEDED_PRIMES));
  const recording = new RecordingRepository(inner);
  const useCases = useCasesOver(recording, realClock, TEST_LIMITS);
  return {
    useCases,
    recording,
    seeded: await inner.reach(),
    reach: () => inner.reach(),
    forget() {
      recording.appends.length = 0;
      recording.reads.length = 0;
      recording.reaches = 0;
    },
  };
}

/**
 * A refused request leaves the store as it was: nothing appended, and nothing even read unless
 * the case can only be refuted by the store (a plausible cursor). A request over a cap is
 * refused before any work is done.
 */
export async function expectStoreUntouched(
  service: BadInputService,
  testCase: BadInputCase,
): Promise<void> {
  const { appends, reads, reaches } = service.recording;
  expect({ case: testCase.name, appends }).toEqual({ case: testCase.name, appends: [] });
  expect(await service.reach()).toEqual(service.seeded);
  if (testCase.needsStore) return;
  expect({ case: testCase.name, reads, reaches }).toEqual({
    case: testCase.name,
    reads: [],
    reaches: 0,
  });
}

/**
 * What an answer must never carry: stack frames, file paths, error class names, or the store's
 * internals (tables, DynamoDB). Checked on every body, message and stderr.
 */
const INTERNALS: readonly RegExp[] = [
  /^\s*at\s/m,
  /\bat \S+ \(/,
  /(?:^|[\s"'(=])(?:[A-Za-z]:)?[\\/](?:work|home|tmp|var|usr|opt|src|test|node_modules)[\\/]/,
  /\.(?:ts|js|cjs|mjs)(?::\d+)?\b/,
  /node:internal/,
  /\b[A-Z][A-Za-z]*Error\b/,
  /\btable\b|dynamo|TableName|PRIMES_/i,
];

export function expectNoInternals(testCase: BadInputCase, text: string): void {
  const leaks = INTERNALS.filter((pattern) => pattern.test(text)).map(String);
  expect({ case: testCase.name, text, leaks }).toEqual({ case: testCase.name, text, leaks: [] });
}

/** Settles with `promise`, or fails the case if it takes longer than `ms`: a hang is a bug. */
export async function withinMs<T>(ms: number, testCase: BadInputCase, promise: Promise<T>) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${testCase.name}: no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const CODES: Readonly<Record<BadInputCase['status'], string>> = {
  400: 'INVALID_PARAMETER',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
};

/** The stable code the HTTP API's error table maps to `status`. */
export function codeOf(status: BadInputCase['status']): string {
  return CODES[status];
}

/**
 * Checks an HTTP answer of any transport: the status, JSON naming the field and the rule,
 * Allow on a 405, and nothing internal in it.
 */
export function expectHttpRefusal(
  testCase: BadInputCase,
  answer: { status: number; headers: Readonly<Record<string, unknown>>; body: string },
): void {
  const { name, status, field, rule } = testCase;
  expect({ name, status: answer.status }).toEqual({ name, status });
  if (status === 405) expect(answer.headers.allow).toBe('GET');
  if (testCase.http?.method === 'HEAD') {
    expect({ name, body: answer.body }).toEqual({ name, body: '' });
    return;
  }
  expect(answer.headers['content-type']).toBe('application/json');
  expectNoInternals(testCase, answer.body);
  const { error } = JSON.parse(answer.body) as {
    error: { code: string; field?: string; message: string };
  };
  expect({ name, code: error.code, field: error.field }).toEqual({
    name,
    code: testCase.code ?? codeOf(status),
    field,
  });
  // The message states the field first, then the rule: "max must be ...".
  if (field !== undefined) expect(error.message.startsWith(`${field} `)).toBe(true);
  expect(error.message).toMatch(rule);
}
