import { runCli } from '../../src/adapters/cli/run-cli';
import { CapturedStream } from '../adapters/cli/cli-streams';
import {
  badInputService,
  expectNoInternals,
  expectStoreUntouched,
  withinMs,
  type BadInputService,
} from './bad-input-service';
import { BAD_INPUTS } from './bad-inputs';

/** runCli in-process: the same argv a user types, the exit code it resolves with. */
const ANSWER_WITHIN_MS = 2_000;
const USAGE_HINT = '(run primes --help for usage)';
const cliCases = BAD_INPUTS.filter((each) => each.cli);

describe('bad input on the command line', () => {
  let service: BadInputService;

  beforeEach(async () => {
    service = await badInputService();
  });

  it.each(cliCases.map((each) => [each.name, each] as const))('%s', async (_, testCase) => {
    const cli = testCase.cli;
    if (!cli) throw new Error('filtered on cli');
    const stdout = new CapturedStream();
    const stderr = new CapturedStream();
    let opened = 0;
    const exitCode = await withinMs(
      ANSWER_WITHIN_MS,
      testCase,
      runCli(cli.argv, {
        openUseCases: async () => {
          opened++;
          return service.useCases;
        },
        serve: () => Promise.reject(new Error('no bad command line serves')),
        stdout,
        stderr,
        waitForShutdown: async () => undefined,
      }),
    );

    expect({ argv: cli.argv, exitCode, stdout: stdout.text }).toEqual({
      argv: cli.argv,
      exitCode: 2,
      stdout: '',
    });
    expect(stderr.lines()).toContainEqual(expect.stringMatching(cli.rule ?? testCase.rule));
    expect(stderr.text).toContain(USAGE_HINT);
    // The option or argument is named as the user wrote it: --max, --to, or argument 'n'.
    if (testCase.field !== undefined) {
      expect(stderr.text).toMatch(new RegExp(`(?:--|\\b)${testCase.field}\\b`));
    }
    expectNoInternals(testCase, stderr.text);
    // A command line that is wrong by its syntax alone never opens the store (nor starts an
    // engine); one over the limits must open it to learn them, but reads nothing.
    expect({ argv: cli.argv, opened }).toEqual({ argv: cli.argv, opened: cli.opensStore ? 1 : 0 });
    await expectStoreUntouched(service, testCase);
  });
});
