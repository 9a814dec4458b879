import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import type { DynamoDbEngine } from './dynamodb-engine';

export interface EmbeddedDynaliteOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** A folder for on-disk data (development); in memory when absent. One process per folder. */
  readonly path?: string;
}

/** Starts dynalite inside this process, on 127.0.0.1 only. */
export async function startEmbeddedDynalite(
  options: EmbeddedDynaliteOptions = {},
): Promise<DynamoDbEngine> {
  // Without these, new tables stay CREATING (and deleted ones DELETING) for 500 ms.
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    kind: 'dynalite',
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Clients keep connections alive; the server would otherwise wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
