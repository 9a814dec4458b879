import { createPrimesApp } from '../../src/adapters/http-api/primes-app';
import { DOCS_ASSETS_DIR } from '../support/docs-assets-dir';
import { DirectInvokeError } from '../../src/adapters/lambda/direct-invoke-error';
import { createLambdaHandler, type LambdaHandler } from '../../src/adapters/lambda/lambda-handler';
import { httpApiEvent, lambdaContext } from '../adapters/lambda/lambda-events';
import { realClock } from '../support/memory-use-cases';
import {
  badInputService,
  codeOf,
  expectHttpRefusal,
  expectNoInternals,
  expectStoreUntouched,
  withinMs,
  type BadInputService,
} from './bad-input-service';
import { BAD_INPUTS, DIRECT_INVOKE_MAX } from './bad-inputs';
import { errorLogger, type ErrorLogger } from '../support/recording-loggers';

/** The deployed shape: one handler for API Gateway HTTP API events and direct invokes. */
const context = lambdaContext(() => 30_000);
const ANSWER_WITHIN_MS = 2_000;

const httpCases = BAD_INPUTS.filter((each) => each.http && !each.http.localServerOnly);
const directCases = BAD_INPUTS.filter((each) => each.direct);

let service: BadInputService;
let logger: ErrorLogger;
let handler: LambdaHandler;

// A fresh store for each case, so that a case that wrongly changed it fails alone.
beforeEach(async () => {
  service = await badInputService();
  logger = errorLogger();
  const api = createPrimesApp(service.useCases, { docsAssetsDir: DOCS_ASSETS_DIR, logger });
  handler = createLambdaHandler(api, service.useCases, {
    clock: realClock,
    logger,
    deadlineMarginMs: 1_000,
    directInvokeMaxValue: DIRECT_INVOKE_MAX,
  });
});
// A refusal is the caller's mistake: nothing is logged as a failure (a 500 would be).
afterEach(() => expect(logger.errors).toEqual([]));

interface PrimesFetchResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

describe('bad input through API Gateway HTTP API events', () => {
  it.each(httpCases.map((each) => [each.name, each] as const))('%s', async (_, testCase) => {
    const http = testCase.http;
    if (!http) throw new Error('filtered on http');
    const event = httpApiEvent(http.method ?? 'GET', http.target, { body: http.body });
    const result = (await withinMs(
      ANSWER_WITHIN_MS,
      testCase,
      handler(event, context),
    )) as PrimesFetchResult;
    expect(result.isBase64Encoded).toBe(false);
    expectHttpRefusal(testCase, {
      status: result.statusCode,
      headers: result.headers,
      body: result.body,
    });
    await expectStoreUntouched(service, testCase);
  });

  it('refuses on a named stage as on $default', async () => {
    const testCase = BAD_INPUTS.find((each) => each.name === 'a repeated parameter');
    if (!testCase?.http) throw new Error('the table lost its repeated parameter');
    const event = httpApiEvent('GET', testCase.http.target, { stage: 'prod' });
    const result = (await handler(event, context)) as PrimesFetchResult;
    expectHttpRefusal(testCase, {
      status: result.statusCode,
      headers: result.headers,
      body: result.body,
    });
  });
});

describe('bad input in a direct invoke', () => {
  it.each(directCases.map((each) => [each.name, each] as const))('%s', async (_, testCase) => {
    const direct = testCase.direct;
    if (!direct) throw new Error('filtered on direct');
    const failure = await withinMs(
      ANSWER_WITHIN_MS,
      testCase,
      handler(direct.event, context).then(
        (answer) => ({ answered: answer }),
        (error: unknown) => ({ failed: error }),
      ),
    );
    if (!('failed' in failure)) throw new Error(`${testCase.name}: answered instead of failing`);
    const error = failure.failed;
    expect(error).toBeInstanceOf(DirectInvokeError);
    const { name, message, stack } = error as DirectInvokeError;

    // Lambda sends the caller errorType (the name), errorMessage and the stack as trace.
    const code = direct.unsupported ? 'UNSUPPORTED_EVENT' : codeOf(testCase.status);
    expect({ case: testCase.name, name }).toEqual({ case: testCase.name, name: code });
    if (testCase.field !== undefined && !direct.unsupported) {
      expect(message.startsWith(`${testCase.field} `)).toBe(true);
    }
    expect(message).toMatch(direct.rule);
    expect(stack).toBe(`${code}: ${message}`);
    expectNoInternals(testCase, JSON.stringify({ errorType: name, errorMessage: message, stack }));
    await expectStoreUntouched(service, testCase);
  });
});
