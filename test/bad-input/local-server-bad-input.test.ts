import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createPrimesApp } from '../../src/adapters/http-api/primes-app';
import { DOCS_ASSETS_DIR } from '../support/docs-assets-dir';
import { startLocalServer, type LocalServer } from '../../src/adapters/local-server/local-server';
import {
  badInputService,
  expectHttpRefusal,
  expectStoreUntouched,
  withinMs,
  type BadInputService,
} from './bad-input-service';
import { BAD_INPUTS, type HttpInput } from './bad-inputs';
import { errorLogger, type ErrorLogger } from '../support/recording-loggers';

/** The local server over real sockets, with its default body cap (16 KiB). */
const ANSWER_WITHIN_MS = 2_000;
const httpCases = BAD_INPUTS.filter((each) => each.http);

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One request, its target sent exactly as written; a chunked body goes without a length. */
function send(server: LocalServer, input: HttpInput): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = input.body === undefined ? undefined : Buffer.from(input.body);
    const headers: Record<string, string | number> = {};
    if (body && input.chunked) headers['transfer-encoding'] = 'chunked';
    else if (body) headers['content-length'] = body.length;
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: input.target,
        method: input.method ?? 'GET',
        headers,
        agent: false,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    request.on('error', reject);
    if (body && input.chunked) {
      for (let at = 0; at < body.length; at += 4_096) request.write(body.subarray(at, at + 4_096));
      request.end();
    } else {
      request.end(body);
    }
  });
}

describe('bad input over the local server', () => {
  let service: BadInputService;
  let logger: ErrorLogger;
  let server: LocalServer;

  // A fresh store and server for each case, so that a case that wrongly changed it fails alone.
  beforeEach(async () => {
    service = await badInputService();
    logger = errorLogger();
    server = await startLocalServer(
      createPrimesApp(service.useCases, { docsAssetsDir: DOCS_ASSETS_DIR, logger }),
      {
        port: 0,
        logger,
      },
    );
  });
  afterEach(async () => {
    await server.close();
    expect(logger.errors).toEqual([]);
  });

  it.each(httpCases.map((each) => [each.name, each] as const))('%s', async (_, testCase) => {
    if (!testCase.http) throw new Error('filtered on http');
    const response = await withinMs(ANSWER_WITHIN_MS, testCase, send(server, testCase.http));
    expectHttpRefusal(testCase, response);
    // A refused body may still be arriving: the server stops reading it by closing.
    if (testCase.status === 413) expect(response.headers.connection).toBe('close');
    await expectStoreUntouched(service, testCase);
  });

  it('keeps answering after every refusal: nothing it refused broke it', async () => {
    for (const testCase of httpCases.filter((each) => each.status !== 413)) {
      await send(server, testCase.http ?? { target: '/' });
    }
    const health = await send(server, { target: '/health' });
    expect([health.status, JSON.parse(health.body)]).toEqual([200, { status: 'ok' }]);
  });
});
