// The SDK warns about the Node version at every client creation; the warning is noise in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const base = require('./jest.config.cjs');

/**
 * MUTATION_TESTS narrows a run to the tests that hold the mutated folder, as a comma-separated
 * list of path fragments (`MUTATION_TESTS=test/domain/prime-run-codec,test/adapters/dynamodb/golden`):
 * each mutant then reruns seconds of tests instead of the whole suite, which took the codec's
 * run from 65 minutes to 2.
 */
const narrowedTo = (process.env.MUTATION_TESTS ?? '')
  .split(',')
  .map((fragment) => fragment.trim())
  .filter((fragment) => fragment !== '');

/**
 * The suite that Stryker runs against each mutant (`npm run test:mutation`). Stryker switches
 * mutants on inside the jest process, so a test whose code runs elsewhere (a browser, a
 * container, a spawned CLI or Lambda bundle, a worker thread) sees only the unmutated code: it
 * would cost time and kill nothing. The CDK stack and the lint rules mutate nothing either.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...base,
  ...(narrowedTo.length > 0 && {
    testMatch: narrowedTo
      .map((fragment) => `<rootDir>/${fragment}*/**/*.test.ts`)
      .concat(narrowedTo.map((fragment) => `<rootDir>/${fragment}*.test.ts`)),
  }),
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
