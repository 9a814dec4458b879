/**
 * Mutation testing (`npm run test:mutation`, by hand, not in CI): Stryker changes the code of
 * the domain and of the DynamoDB adapter one small edit at a time and reruns the tests that
 * cover each edit; a mutant that no test notices points at a promise the tests do not hold.
 * `--mutate <glob>` narrows a run to one folder, and MUTATION_TESTS (see jest.stryker.config.cjs)
 * to the tests that hold it.
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.stryker.config.cjs', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: ['src/domain/**/*.ts', 'src/adapters/dynamodb/**/*.ts'],
  // Two cores, shared: one jest per core at most, and the command runs it at low priority.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['dist', 'cdk.out', '.data', 'coverage', 'reports'],
  // The suite's own timeout is 60 s; a mutant that loops forever is cut off well before that.
  timeoutMS: 10_000,
};
