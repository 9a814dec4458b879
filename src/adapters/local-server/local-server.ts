import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Logger } from '../../ports/logger';
import type { PrimesFetch } from '../http-api/primes-env';

export interface LocalServerOptions {
  /** 0 picks a free port; default 3000. */
  readonly port?: number;
  /** Default 127.0.0.1: a development server is not for the network. */
  readonly host?: string;
  /** Each request's deadline budget, as a Lambda's timeout would be; default 25,000 ms. */
  readonly requestTimeoutMs?: number;
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

/** Serves `app` over node:http: the same routes and answers as the Lambda behind API Gateway. */
export async function startLocalServer(
  app: PrimesFetch,
  options: LocalServerOptions,
): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const budget = options.requestTimeoutMs ?? 25_000;
  const logger = options.logger;
  let closing: Promise<void> | undefined;

  const server = createAdaptorServer({
    fetch: async (request: Request) => {
      // The deadline starts when the request arrives, as a Lambda's timeout does.
      const response = await app.fetch(request, { deadline: Date.now() + budget });
      // Closing, the server ends each kept-alive connection with its answer rather than at
      // its idle timeout.
      if (closing) response.headers.set('connection', 'close');
      return response;
    },
  }) as Server;

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
