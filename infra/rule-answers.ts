import { CfnResource, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * One deliberate departure from a rule of the checkers that read this stack, with its reason,
 * and the rule's id in each: cdk-nag (run on the synthesized stack in the tests), checkov and
 * cfn-lint with its serverless rules (run on the template by whoever reviews it). The reason is
 * written once and lands in each tool's own suppression: a CDK validation acknowledgement
 * (cdk-nag's), and the `checkov` and `cfn-lint` metadata of the CloudFormation resource.
 */
export interface RuleAnswer {
  readonly reason: string;
  readonly cdkNag: readonly string[];
  readonly checkov: readonly string[];
  readonly cfnLint: readonly string[];
}

export const RULE_ANSWERS = {
  publicApi: {
    reason:
      'A public read-only API of public data (primes) by design: there is no caller to ' +
      'identify. Abuse is bounded by the per-route throttle and the reserved concurrency.',
    cdkNag: ['AwsSolutions-APIG4'],
    checkov: ['CKV_AWS_309'],
    cfnLint: [],
  },
  publicData: {
    reason:
      'The table holds primes, public facts anyone can recompute. DynamoDB encrypts every ' +
      'table at rest already (AWS owned key); a customer managed key would be paid for and ' +
      'granted to protect nothing secret.',
    cdkNag: [],
    checkov: ['CKV_AWS_119'],
    cfnLint: [],
  },
  noVpc: {
    reason:
      'The function reaches only DynamoDB, over TLS with signed requests. A VPC would protect ' +
      'no private resource and add a NAT gateway or endpoint to pay for and ENI set-up to ' +
      'cold starts.',
    cdkNag: [],
    checkov: ['CKV_AWS_117'],
    cfnLint: [],
  },
  synchronousOnly: {
    reason:
      'The function is only invoked synchronously (the HTTP API integration, `aws lambda ' +
      'invoke` request-response): every failure reaches its caller as an answer, so there is ' +
      'no asynchronous event to keep in a dead-letter queue or failure destination.',
    cdkNag: ['Serverless-LambdaDLQ'],
    checkov: ['CKV_AWS_116'],
    cfnLint: ['ES1007'],
  },
  plainEnvironment: {
    reason:
      'The environment holds the stage, the table name, the deadline margin and Node options: ' +
      'no secret for a key of our own to protect.',
    cdkNag: [],
    checkov: ['CKV_AWS_173'],
    cfnLint: [],
  },
  runtimeVersion: {
    reason:
      'nodejs22.x is the runtime the bundle is built for and whose cold start is measured ' +
      '(BENCHMARKS.md); moving to a newer one is a change of its own, measured before it ships.',
    cdkNag: ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion'],
    checkov: [],
    cfnLint: [],
  },
  noTracing: {
    reason:
      'Active X-Ray tracing needs xray:PutTraceSegments on "*", a wildcard the role refuses, ' +
      'and is paid per trace. A request is followed by its awsRequestId on every line it logs, ' +
      'and by the API access log.',
    cdkNag: ['Serverless-LambdaTracing'],
    checkov: ['CKV_AWS_50'],
    cfnLint: ['WS1000'],
  },
  unsignedCode: {
    reason:
      'The code is the asset that `npm run build` makes and checks in the checkout that ' +
      'deploys it, uploaded by the CDK to its own bootstrap bucket; signing would need a ' +
      'Signer profile and guard an artifact hand-over this deployment does not have.',
    cdkNag: [],
    checkov: ['CKV_AWS_272'],
    cfnLint: [],
  },
  functionLogGroup: {
    reason:
      'The function logs to a log group of its own (LoggingConfig) with a 30-day retention, ' +
      'not to /aws/lambda/<name>, which the rule looks for.',
    cdkNag: [],
    checkov: [],
    cfnLint: ['WS1004'],
  },
  logsEncryption: {
    reason:
      'CloudWatch Logs encrypts log data at rest already. The lines hold request ids, routes, ' +
      'figures and, in the access log, caller IP addresses; IAM decides who reads them, and a ' +
      'KMS key of our own would add a key policy and a monthly fee without changing that.',
    cdkNag: [],
    checkov: ['CKV_AWS_158'],
    cfnLint: [],
  },
  logsRetention: {
    reason:
      '30 days is enough to look into an incident, and the access log holds caller IP ' +
      'addresses, which should not be kept longer than that; a year would be paid for by nobody.',
    cdkNag: [],
    checkov: ['CKV_AWS_338'],
    cfnLint: [],
  },
  alarmTopicEncryption: {
    reason:
      'Alarm notifications carry alarm names and figures, no data. The AWS managed key for SNS ' +
      'would stop CloudWatch from publishing (its key policy cannot be changed to allow it), ' +
      'and a key of our own would be paid for monthly to protect nothing secret.',
    cdkNag: [],
    checkov: ['CKV_AWS_26'],
    cfnLint: [],
  },
  alarmEmailRetries: {
    reason:
      'The only subscription is an operator’s email. SNS retries its delivery, and an alarm ' +
      'whose mail is lost still shows in ALARM on the dashboard; a dead-letter queue would be ' +
      'one more thing to watch for nothing it could replay.',
    cdkNag: ['Serverless-SNSRedrivePolicy'],
    checkov: [],
    cfnLint: [],
  },
} as const satisfies Record<string, RuleAnswer>;

/** Records `answers` on `construct` (and, for cdk-nag, on what it contains) for every tool. */
export function answerRuleFindings(construct: IConstruct, answers: readonly RuleAnswer[]): void {
  for (const answer of answers) {
    for (const id of answer.cdkNag)
      Validations.of(construct).acknowledge({ id, reason: answer.reason });
  }
  const resource = construct instanceof CfnResource ? construct : construct.node.defaultChild;
  if (!(resource instanceof CfnResource)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource to answer rules on`);
  }
  const checkov = answers.flatMap((answer) =>
    answer.checkov.map((id) => ({ id, comment: answer.reason })),
  );
  if (checkov.length > 0) resource.addMetadata('checkov', { skip: checkov });
  const cfnLint = answers.flatMap((answer) => answer.cfnLint);
  if (cfnLint.length > 0) resource.addMetadata('cfn-lint', { config: { ignore_checks: cfnLint } });
}
