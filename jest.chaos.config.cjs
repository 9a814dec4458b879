// The SDK warns about the Node version at every client creation; the warning is noise in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const base = require('./jest.config.cjs');

/**
 * The chaos suite (`npm run test:chaos`): processes killed mid-extension and extenders racing
 * in separate processes. Slow, so it stays out of `npm test`; one file at a time, since each one
 * loads both cores with the processes it starts.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/chaos'],
  // Not *.test.ts, so that the main suite (roots: test) leaves these files alone.
  testMatch: ['**/*.chaos.ts'],
  maxWorkers: 1,
  testTimeout: 180_000,
};
