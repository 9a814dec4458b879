import { spawnSync } from 'node:child_process';
import { HTTP_ERROR_CODES } from '../../../src/adapters/http-api/error-table';
import { createPrimesApp } from '../../../src/adapters/http-api/primes-app';
import { memoryUseCases } from '../../support/memory-use-cases';
import { silentLogger } from '../../support/silent-logger';
import { DOCS_ASSETS_DIR } from '../../support/docs-assets-dir';
import { call } from './api-client';

interface Parameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  schema: {
    type?: string;
    minimum?: number;
    maximum?: number;
    maxLength?: number;
    description?: string;
    enum?: string[];
  };
}
interface Operation {
  operationId: string;
  description?: string;
  parameters?: Parameter[];
  responses: Record<
    string,
    {
      headers?: Record<string, object>;
      links?: Record<string, { operationId: string; parameters: Record<string, string> }>;
      content?: Record<string, { schema: { $ref?: string } }>;
    }
  >;
}
interface Document {
  openapi: string;
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, unknown> };
}

// Limits unlike the defaults, so that a bound copied from anywhere but the configuration shows.
const LIMITS = {
  maxValue: 7_000_000,
  maxCount: 480_000,
  maxPageSize: 4_321,
  defaultPageSize: 99,
  maxCountedValue: 5_000_003n,
  maxNthPrime: 350_001n,
};
const U64_MAX = '18446744073709551615';
const service = memoryUseCases({ chunkCapacity: 1_024, limits: LIMITS });
const app = createPrimesApp(service.useCases, {
  logger: silentLogger,
  docsAssetsDir: DOCS_ASSETS_DIR,
});

async function documentOf(): Promise<Document> {
  return (await call(app, '/openapi.json')).json as Document;
}

/** A value each path parameter accepts, so that the route's own checks are what answer. */
const VALID_PATH: Record<string, string> = { n: '5', asset: 'start.js' };
const concrete = (template: string) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => VALID_PATH[name]);

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, by an independent validator', async () => {
    const document = await documentOf();
    // The validator ships only ES modules: it runs in its own node process.
    const check = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { Validator } from '@seriousme/openapi-schema-validator';
         let text = ''; for await (const chunk of process.stdin) text += chunk;
         const result = await new Validator().validate(JSON.parse(text));
         process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors ?? [] }));`,
      ],
      { input: JSON.stringify(document), encoding: 'utf8', timeout: 30_000 },
    );
    expect(check.stderr).toBe('');
    expect(JSON.parse(check.stdout)).toEqual({ valid: true, errors: [] });
    expect(document.openapi).toBe('3.1.0');
  });

  it('documents exactly the parameters each route accepts', async () => {
    const document = await documentOf();
    for (const [template, { get }] of Object.entries(document.paths)) {
      const parameters = get.parameters ?? [];
      const documentedQuery = parameters
        .filter((each) => each.in === 'query')
        .map((each) => each.name);
      const documentedPath = parameters
        .filter((each) => each.in === 'path')
        .map((each) => each.name);
      expect([template, documentedPath]).toEqual([
        template,
        [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
      ]);
      // An undocumented parameter is refused, and the refusal lists what the route takes.
      const refused = await call(app, `${concrete(template)}?undocumented=1`);
      const { error } = refused.json as { error: { field: string; message: string } };
      expect([template, refused.status, error.field]).toEqual([template, 400, 'undocumented']);
      const takes = /\(it takes (.*)\)$/.exec(error.message)?.[1];
      expect([template, takes === 'none' ? [] : takes?.split(', ')]).toEqual([
        template,
        documentedQuery,
      ]);
      // Each documented one is accepted as a parameter (other rules may still refuse its value).
      for (const name of documentedQuery) {
        const answer = await call(app, `${concrete(template)}?${name}=1`);
        expect([template, name, answer.body]).not.toEqual([
          template,
          name,
          expect.stringContaining('is not a parameter of this route'),
        ]);
      }
    }
  });

  it('states the configured limits as the bounds of each parameter', async () => {
    const { paths } = await documentOf();
    // A 64-bit value is a digit string: its bounds are in its description, and its length.
    const boundsOf = ({ schema }: Parameter) => {
      if (schema.type !== 'string' || schema.maxLength === undefined) {
        return [schema.minimum, schema.maximum];
      }
      const stated = /from (\d+) to (\d+)/.exec(schema.description ?? '');
      expect(schema.maxLength).toBe(stated?.[2].length);
      return [stated?.[1], stated?.[2]];
    };
    const bounds = (path: string) =>
      Object.fromEntries(
        (paths[path].get.parameters ?? []).map((each) => [each.name, boundsOf(each)]),
      );
    expect(bounds('/primes')).toEqual({
      max: [0, LIMITS.maxValue],
      from: ['0', U64_MAX],
      to: ['0', U64_MAX],
      count: [0, LIMITS.maxCount],
      limit: [1, LIMITS.maxPageSize],
      cursor: [undefined, undefined],
    });
    expect(bounds('/primes/nth/{n}')).toEqual({ n: ['1', String(LIMITS.maxNthPrime)] });
    // The counting cap binds pi(to) only: a narrow window is sieved up to 2^64 - 1, so the
    // parameters take any 64-bit value and the description states the cap.
    const counted = ['0', U64_MAX];
    expect(bounds('/primes/count')).toEqual({ from: counted, to: counted });
    expect(paths['/primes/count'].get.description).toContain(String(LIMITS.maxCountedValue));
    for (const path of ['/is-prime/{n}', '/primes/next/{n}', '/primes/previous/{n}']) {
      expect([path, bounds(path)]).toEqual([path, { n: ['0', U64_MAX] }]);
    }
    // What the document states is what the service enforces, at the bound and one past it.
    expect((await call(app, `/primes/nth/${LIMITS.maxCount + 1}`)).status).toBe(400);
    expect((await call(app, `/primes?max=100&limit=${LIMITS.maxPageSize}`)).status).toBe(200);
    expect((await call(app, `/primes?max=100&limit=${LIMITS.maxPageSize + 1}`)).status).toBe(400);
    expect((await call(app, '/primes/nth/0')).status).toBe(400);
    expect((await call(app, `/primes/nth/${LIMITS.maxNthPrime + 1n}`)).status).toBe(400);
    const countTo = (to: bigint) => call(app, `/primes/count?to=${to}`);
    expect((await countTo(LIMITS.maxCountedValue + 1n)).status).toBe(400);
    expect((await call(app, `/is-prime/${U64_MAX}`)).status).toBe(200);
    expect((await call(app, `/is-prime/${BigInt(U64_MAX) + 1n}`)).status).toBe(400);
    expect((await call(app, `/primes/previous/${U64_MAX}`)).status).toBe(200);
    expect((await call(app, `/primes/previous/${BigInt(U64_MAX) + 1n}`)).status).toBe(400);
  });

  it('states the configured body cap', async () => {
    const capped = createPrimesApp(service.useCases, {
      logger: silentLogger,
      docsAssetsDir: DOCS_ASSETS_DIR,
      maxBodyBytes: 4_096,
    });
    const document = (await call(capped, '/openapi.json')).json as {
      info: { description: string };
    };
    expect(document.info.description).toContain('a request body over 4096 bytes 413');
    const refused = await capped.fetch(
      new Request('http://primes.test/primes?max=5', { method: 'POST', body: 'x'.repeat(4_097) }),
      { deadline: Date.now() + 10_000 },
    );
    expect(refused.status).toBe(413);
  });

  it('writes the rules between parameters where a reader sees them', async () => {
    const { paths } = await documentOf();
    expect(paths['/primes'].get.description).toMatch(/exactly one of: `max`.*`to`.*`count`/);
    expect(paths['/primes'].get.description).toMatch(/`from` <= `to`/);
    expect(paths['/primes/count'].get.description).toMatch(/`from` must not exceed `to`/);
  });

  it('documents every status an operation can answer, with its body', async () => {
    const { paths } = await documentOf();
    const readsStore = ['listPrimes', 'nthPrime', 'countPrimes', 'isPrime', 'describeStore'];
    const asksNeighbours = ['nextPrime', 'previousPrime'];
    const unvalidated = ['describeStore', 'health'];
    for (const { get } of Object.values(paths)) {
      const statuses = Object.keys(get.responses).sort();
      const expected = ['200', '400', '404', '405', '413', '500'];
      if (readsStore.includes(get.operationId)) expected.push('503');
      if (!unvalidated.includes(get.operationId)) expected.push('304');
      expect([get.operationId, statuses]).toEqual([get.operationId, expected.sort()]);
      for (const status of ['400', '404', '405', '413', '500', '503']) {
        const answer = get.responses[status];
        if (!answer) continue;
        const neighbours = status === '404' && asksNeighbours.includes(get.operationId);
        expect([get.operationId, answer.content?.['application/json'].schema.$ref]).toEqual([
          get.operationId,
          `#/components/schemas/Error${status}${neighbours ? 'NoSuchPrime' : ''}`,
        ]);
      }
      if (get.responses['503']) expect(get.responses['503'].headers).toHaveProperty('Retry-After');
      expect(get.responses['405'].headers).toHaveProperty('Allow');
    }
  });

  it('names every error code of the error table, and only those', async () => {
    const { components } = await documentOf();
    const codes = Object.entries(components.schemas)
      .filter(([name]) => /^Error\d+/.test(name))
      .flatMap(([, schema]) => {
        const error = (
          schema as { properties: { error: { properties: { code: { enum: string[] } } } } }
        ).properties.error;
        return error.properties.code.enum;
      });
    expect([...new Set(codes)].sort()).toEqual([...HTTP_ERROR_CODES].sort());
  });

  it('documents NO_SUCH_PRIME on the routes that can answer it, and only there', async () => {
    const { paths, components } = await documentOf();
    const codesOf404 = (path: string) => {
      const ref = paths[path].get.responses['404'].content?.['application/json'].schema.$ref;
      const schema = components.schemas[String(ref).replace('#/components/schemas/', '')] as {
        properties: { error: { properties: { code: { enum: string[] } } } };
      };
      return schema.properties.error.properties.code.enum.sort();
    };
    expect(codesOf404('/primes/next/{n}')).toEqual(['NOT_FOUND', 'NO_SUCH_PRIME']);
    expect(codesOf404('/primes/previous/{n}')).toEqual(['NOT_FOUND', 'NO_SUCH_PRIME']);
    expect(codesOf404('/primes/nth/{n}')).toEqual(['NOT_FOUND']);
    const refused = await call(app, '/primes/previous/2');
    expect(refused.status).toBe(404);
    expect(refused.json).toMatchObject({ error: { code: 'NO_SUCH_PRIME', field: 'n' } });
  });

  it('links next to cursor, so that a client can follow the pages', async () => {
    const { paths } = await documentOf();
    const link = paths['/primes'].get.responses['200'].links?.nextPage;
    expect(link?.operationId).toBe('listPrimes');
    expect(link?.parameters.cursor).toBe('$response.body#/next');
    // Followed as the link says, the pages are the primes in order.
    let next: string | null = null;
    const primes: number[] = [];
    do {
      const cursor: string = next === null ? '' : `&cursor=${next}`;
      const page = (await call(app, `/primes?to=3000&limit=100${cursor}`)).json as {
        primes: number[];
        next: string | null;
      };
      primes.push(...page.primes);
      next = page.next;
    } while (next !== null);
    expect(primes).toHaveLength(430); // pi(3000)
  });
});
