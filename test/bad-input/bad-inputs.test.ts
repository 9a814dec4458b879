import { createPrimesApp } from '../../src/adapters/http-api/primes-app';
import { DOCS_ASSETS_DIR } from '../support/docs-assets-dir';
import { call } from '../adapters/http-api/api-client';
import { silentLogger } from '../support/silent-logger';
import { badInputService } from './bad-input-service';
import { BAD_INPUTS, REAL_CURSOR, REAL_CURSOR_QUERY } from './bad-inputs';

describe('the table of bad inputs', () => {
  it('holds at least 40 distinct cases, each with a translation and an expectation', () => {
    const names = BAD_INPUTS.map((each) => each.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(40);
    for (const each of BAD_INPUTS) {
      expect([each.name, Boolean(each.http ?? each.direct ?? each.cli)]).toEqual([each.name, true]);
      // A 400 names its field, unless the direct invoke was not an object to have fields.
      const namesField = each.field !== undefined || each.direct?.unsupported === true;
      expect([each.name, each.status !== 400 || namesField]).toEqual([each.name, true]);
    }
  });

  it('misuses a genuine cursor: the one the service returns for its query', async () => {
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
