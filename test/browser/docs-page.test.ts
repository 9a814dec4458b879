import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { createPrimesApp } from '../../src/adapters/http-api/primes-app';
import { startLocalServer, type LocalServer } from '../../src/adapters/local-server/local-server';
import { memoryUseCases } from '../support/memory-use-cases';
import { firstPrimes } from '../support/reference-primes';
import { silentLogger } from '../support/silent-logger';
import { DOCS_ASSETS_DIR } from '../support/docs-assets-dir';

/**
 * GET /docs in a real headless browser: Debian's chromium, which `.ci/run` installs
 * (scripts/provision-chromium.sh) where it is missing. The screenshot is left in
 * test-results/, which git ignores.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT = path.resolve(__dirname, '../../test-results/docs-page.png');

describe('the reference page in a browser', () => {
  let server: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: run scripts/provision-chromium.sh (as .ci/run does)`,
      );
    }
    const service = memoryUseCases({ chunkCapacity: 1_024 });
    const app = createPrimesApp(service.useCases, {
      logger: silentLogger,
      docsAssetsDir: DOCS_ASSETS_DIR,
    });
    server = await startLocalServer(app, { port: 0, logger: silentLogger });
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      // As root (CI) chromium refuses its sandbox; the page is our own, on loopback.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows every operation, tries GET /primes?max=100 and shows the 25 primes', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1600 });
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) {
        elsewhere.push(request.url());
      }
    });

    await page.goto(`${server.url}/docs`, { waitUntil: 'networkidle0', timeout: 30_000 });
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, { get: { operationId: string } }>;
    };
    const operations = Object.values(document.paths).map(({ get }) => get.operationId);
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    const shown = await page.$$eval('.opblock', (blocks) => blocks.map((block) => block.id));
    expect(shown.sort()).toEqual(operations.map((id) => `operations-default-${id}`).sort());

    const listPrimes = '#operations-default-listPrimes';
    await page.click(`${listPrimes} .opblock-summary`);
    await page.waitForSelector(`${listPrimes} tr[data-param-name="max"] input`);
    await page.type(`${listPrimes} tr[data-param-name="max"] input`, '100');
    await page.click(`${listPrimes} .execute`);
    const body = `${listPrimes} .live-responses-table .response-col_description pre.microlight`;
    await page.waitForSelector(body, { timeout: 30_000 });
    const text = await page.$eval(body, (element) => element.textContent ?? '');
    expect(JSON.parse(text)).toEqual({ primes: Array.from(firstPrimes(25)), next: null });
    const url = await page.$eval(
      `${listPrimes} .request-url pre`,
      (element) => element.textContent,
    );
    expect(url).toBe(`${server.url}/primes?max=100`);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
    // Swagger UI's files, its start script and the document: nothing from any other host.
    expect(elsewhere).toEqual([]);
  }, 90_000);
});
