// The SDK warns about the Node version at every client creation; the warning is noise in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const base = require('./jest.config.cjs');

/**
 * The heavy suite (`npm run test:heavy`): windows at the top of the 64-bit range, each of which
 * places hundreds of millions of sieving primes. Kept out of `npm test` so that the everyday
 * suite stays quick. One file at a time: each one fills a core for minutes.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/heavy'],
  // Not *.test.ts, so that the main suite (roots: test) leaves these files alone.
  testMatch: ['**/*.heavy.ts'],
  maxWorkers: 1,
  testTimeout: 600_000,
};
