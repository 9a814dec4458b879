import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPrimesApp } from '../../../src/adapters/http-api/primes-app';
import {
  startLocalServer,
  type LocalServer,
} from '../../../src/adapters/local-server/local-server';
import { memoryUseCases } from '../../support/memory-use-cases';
import { firstPrimes } from '../../support/reference-primes';
import { silentLogger } from '../../support/silent-logger';
import { DOCS_ASSETS_DIR } from '../../support/docs-assets-dir';
import { firstPrimesAndNth } from './typed-client-example';

const MARKER = '// --- README example ---\n';

describe('the typed client of the README', () => {
  it('is the example the README shows, word for word', () => {
    const example = readFileSync(path.join(__dirname, 'typed-client-example.ts'), 'utf8');
    const code = example.slice(example.indexOf(MARKER) + MARKER.length);
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const shown = /<!-- typed client -->\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBe(code.replace("'../../../src/", "'./src/"));
  });

  describe('run against the local server', () => {
    let server: LocalServer;
    beforeAll(async () => {
      const service = memoryUseCases({ chunkCapacity: 1_024 });
      const app = createPrimesApp(service.useCases, {
        logger: silentLogger,
        docsAssetsDir: DOCS_ASSETS_DIR,
      });
      server = await startLocalServer(app, { port: 0, logger: silentLogger });
    });
    afterAll(() => server.close());

    it('answers with the typed page and the n-th prime', async () => {
      const answer = await firstPrimesAndNth(server.url);
      expect(answer).toEqual({ primes: Array.from(firstPrimes(25)), next: null, prime: 104_729 });
    });
  });
});
