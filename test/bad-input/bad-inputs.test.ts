import { createPrimesApp } from '../../src/adapters/http-api/primes-app';
import { DOCS_ASSETS_DIR } from '../support/docs-assets-dir';
import { call } from '../adapters/http-api/api-client';
import { silentLogger } from '../support/silent-logger';
import { badInputService } from './bad-input-service';
import { REAL_CURSOR, REAL_CURSOR_QUERY } from './bad-inputs';

// The table's cursor cases misuse this cursor; they prove something only if the service itself
// hands it out and accepts it for its own query.
describe('the cursor the bad-input table misuses', () => {
  it('is the one the service returns for its query, and it pages on', async () => {
    const service = await badInputService();
    const api = createPrimesApp(service.useCases, {
      docsAssetsDir: DOCS_ASSETS_DIR,
      logger: silentLogger,
    });
    const first = await call(api, REAL_CURSOR_QUERY);
    expect(first.json).toEqual({ primes: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29], next: REAL_CURSOR });
    const second = await call(api, `${REAL_CURSOR_QUERY}&cursor=${REAL_CURSOR}`);
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ primes: [31, 37, 41, 43, 47, 53, 59, 61, 67, 71] });
  });
});
