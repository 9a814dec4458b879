import { App, Stack } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RULE_ANSWERS } from '../../infra/rule-answers';
import { synthesizeStack, type SynthesizedStack } from './synthesized-stack';

/**
 * cdk-nag's AwsSolutions and Serverless packs on the stack as `cdk synth` makes it, in both its
 * variants (a table of its own, a retained table taken over by name): every finding is fixed,
 * or acknowledged in the stack's code with its reason (infra/rule-answers.ts).
 */
describe.each([
  ['with a table of its own', {}],
  ['taking over an existing table', { 'primes:existingTableName': 'primes-retained' }],
])('the rule packs on the stack %s', (_variant, context) => {
  let synthesized: SynthesizedStack;

  beforeAll(async () => {
    synthesized = await synthesizeStack({ ...context, 'primes:alarmEmail': 'ops@example.com' });
  });
  afterAll(() => synthesized?.dispose());

  const findings = (pack: NagPack) =>
    pack
      .validateScope(synthesized.stack)
      .violations.flatMap((violation) =>
        violation.violatingResources.map(
          (resource) => `${violation.ruleName} on ${resource.locations.join(', ')}`,
        ),
      );

  it('leave no AwsSolutions finding unanswered', () => {
    expect(findings(new AwsSolutionsChecks())).toEqual([]);
  });

  it('leave no Serverless finding unanswered', () => {
    expect(findings(new ServerlessChecks())).toEqual([]);
  });
});

describe('the rule packs themselves', () => {
  it('find what a stack leaves unanswered (so that the runs above prove something)', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'primes-rule-packs-'));
    try {
      const stack = new Stack(new App({ outdir }), 'Unanswered');
      new Topic(stack, 'Topic');
      const rules = new AwsSolutionsChecks()
        .validateScope(stack)
        .violations.map((violation) => violation.ruleName);
      expect(rules).toContain('AwsSolutions-SNS3');
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('the answers to the rules', () => {
  it('each give a reason and name at least one rule', () => {
    for (const answer of Object.values(RULE_ANSWERS)) {
      expect(answer.reason.length).toBeGreaterThan(40);
      expect(answer.cdkNag.length + answer.checkov.length + answer.cfnLint.length).toBeGreaterThan(
        0,
      );
    }
  });
});
