// The SDK warns about the Node version at every client creation; the warning is noise in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const base = require('./jest.config.cjs');

/**
 * The suite that Stryker runs against each mutant (`npm run test:mutation`). Stryker switches
 * mutants on inside the jest process, so a test whose code runs elsewhere (a browser, a
 * container, a spawned CLI or Lambda bundle, a worker thread) sees only the unmutated code: it
 * would cost time and kill nothing. The CDK stack and the lint rules mutate nothing either.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/browser/',
    '<rootDir>/test/infra/',
    '<rootDir>/test/architecture/',
    '<rootDir>/test/composition/cli-process\\.test\\.ts$',
    '<rootDir>/test/bad-input/cli-process-bad-input\\.test\\.ts$',
    '<rootDir>/test/adapters/dynamodb/dynamodb-in-container\\.test\\.ts$',
    '<rootDir>/test/adapters/http-api/openapi-document\\.test\\.ts$',
    '<rootDir>/test/adapters/worker-thread/',
  ],
};
