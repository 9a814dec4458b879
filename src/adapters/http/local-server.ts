import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../ports/logger';
import type { ApiResponse, HttpApi } from '../http-api/api-types';
import { errorResponse } from '../http-api/error-response';
import { parseQueryString, splitRequestTarget } from '../http-api/query-string';
import { readRequestBody } from './request-body';

export interface LocalServerOptions {
  /** 0 picks a free port; default 3000. */
  readonly port?: number;
  /** Default 127.0.0.1: a development server is not for the network. */
  readonly host?: string;
  /** Each request's deadline budget, as a Lambda's timeout would be; default 25,000 ms. */
  readonly requestTimeoutMs?: number;
  /** Default 16 KiB: no route takes a body, so anything larger is a mistake. */
  readonly maxBodyBytes?: number;
  /** How long close() lets requests in flight finish before cutting them; default 5,000 ms. */
  readonly closeGraceMs?: number;
  readonly logger: Logger;
}

export interface LocalServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, lets requests in flight finish, then resolves; idempotent. */
  close(): Promise<void>;
}

/** Serves `api` over node:http: the same routes and answers as the Lambda behind API Gateway. */
export async function startLocalServer(
  api: HttpApi,
  options: LocalServerOptions,
): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const budget = options.requestTimeoutMs ?? 25_000;
  const maxBodyBytes = options.maxBodyBytes ?? 16_384;
  const logger = options.logger;

  const answer = async (request: IncomingMessage): Promise<ApiResponse> => {
    // The deadline starts when the request arrives, as a Lambda's timeout does.
    const deadline = Date.now() + budget;
    try {
      const body = await readRequestBody(request, maxBodyBytes);
      const { path, rawQuery } = splitRequestTarget(request.url ?? '/');
      const query = parseQueryString(rawQuery);
      return await api.handle({ method: request.method ?? 'GET', path, query, body, deadline });
    } catch (error) {
      return errorResponse(error, { logger, retryAfterSeconds: 1 });
    }
  };

  let closing: Promise<void> | undefined;
  const server = createServer((request, response) => {
    answer(request)
      .then((result) => send(response, result, closing !== undefined))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'could not send a response');
        response.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  server.on('error', (error) => logger.error({ err: error }, 'local server error'));
  logger.info({ url }, 'local server listening');

  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve, reject) => {
      const cut = setTimeout(() => server.closeAllConnections(), options.closeGraceMs ?? 5_000);
      server.close((error) => {
        clearTimeout(cut);
        if (error) reject(error);
        else resolve();
      });
      server.closeIdleConnections();
    }));

  return { url, port, close };
}

function send(response: ServerResponse, result: ApiResponse, closing: boolean): void {
  const body = Buffer.from(result.body, 'utf8');
  const headers: Record<string, string | number> = {
    ...result.headers,
    'content-length': body.length,
  };
  // A refused body may still be arriving: closing the connection stops reading it. Closing,
  // the server ends each kept-alive connection with its answer rather than at its idle timeout.
  if (result.status === 413 || closing) headers.connection = 'close';
  response.writeHead(result.status, headers);
  response.end(body);
}
