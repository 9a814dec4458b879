import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import path from 'node:path';
import {
  CONTEXT,
  DEFAULT_RESERVED_CONCURRENCY,
  PrimesServiceStack,
} from '../../infra/primes-service-stack';
import { DURATION_ALARM_SHARE, METRICS_NAMESPACE } from '../../infra/service-alarms';
import {
  actionsOf,
  functionRoleStatements,
  onlyResourceId,
  synthesizeStack,
  type SynthesizedStack,
} from './synthesized-stack';

type Resource = { Properties: Record<string, unknown> };

describe('the stack as operators run it', () => {
  let plain: SynthesizedStack;
  let configured: SynthesizedStack;

  beforeAll(async () => {
    [plain, configured] = await Promise.all([
      synthesizeStack(),
      synthesizeStack({
        [CONTEXT.reservedConcurrency]: '3',
        [CONTEXT.alarmEmail]: 'ops@example.com',
        [CONTEXT.existingTableName]: 'primes-retained',
      }),
    ]);
  });
  afterAll(() => {
    plain?.dispose();
    configured?.dispose();
  });

  const functionOf = (synthesized: SynthesizedStack) =>
    Object.values(synthesized.template.findResources('AWS::Lambda::Function'))[0] as Resource;
  const alarmsOf = (synthesized: SynthesizedStack) =>
    Object.values(synthesized.template.findResources('AWS::CloudWatch::Alarm')) as Resource[];

  describe('capped cost', () => {
    it('reserves the default concurrency, or the one the context gives', () => {
      expect(functionOf(plain).Properties.ReservedConcurrentExecutions).toBe(
        DEFAULT_RESERVED_CONCURRENCY,
      );
      expect(functionOf(configured).Properties.ReservedConcurrentExecutions).toBe(3);
    });

    it('refuses a concurrency that is not a whole number of at least 1', () => {
      for (const bad of ['0', '-2', '2.5', 'ten']) {
        const app = new App({
          outdir: path.join(plain.scratchDir, bad),
          context: { [CONTEXT.reservedConcurrency]: bad },
        });
        expect(
          () => new PrimesServiceStack(app, 'Bad', { bundleDir: path.dirname(plain.bundle.file) }),
        ).toThrow(/primes:reservedConcurrency must be a whole number/);
      }
    });
  });

  describe('alarms', () => {
    it('watch Lambda errors, throttles and duration, DynamoDB throttles and system errors, and failures', () => {
      const alarms = alarmsOf(plain);
      const watched = alarms.map((alarm) => {
        const { MetricName, Metrics, Threshold } = alarm.Properties as {
          MetricName?: string;
          Metrics?: Array<{ Expression?: string; MetricStat?: { Metric: { MetricName: string } } }>;
          Threshold: number;
        };
        const names =
          MetricName ??
          (Metrics ?? [])
            .map((each) => each.MetricStat?.Metric.MetricName)
            .filter((name) => name !== undefined)
            .sort()
            .join('+');
        return `${names} >= ${Threshold}`;
      });
      expect(watched.sort()).toEqual(
        [
          'Failures >= 1',
          'DirectInvokeExpectedErrors+Errors >= 1',
          'Throttles >= 1',
          `Duration >= ${28_000 * DURATION_ALARM_SHARE}`,
          'ThrottledRequests+ThrottledRequests+ThrottledRequests+ThrottledRequests >= 1',
          'SystemErrors+SystemErrors+SystemErrors+SystemErrors >= 1',
        ].sort(),
      );
    });

    it('take the p99 of Lambda duration against 80 % of the 28 s timeout', () => {
      plain.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Duration',
        ExtendedStatistic: 'p99',
        Threshold: 22_400,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    });

    it('all notify the one SNS topic, on alarm and back to OK, and never on missing data', () => {
      const topicId = onlyResourceId(plain.template, 'AWS::SNS::Topic');
      for (const alarm of alarmsOf(plain)) {
        expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
        expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
        expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
      }
    });

    it('mail the address the context gives, and no one without it', () => {
      configured.template.resourceCountIs('AWS::SNS::Subscription', 1);
      configured.template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'ops@example.com',
      });
      plain.template.resourceCountIs('AWS::SNS::Subscription', 0);
    });

    it('count failures, deadlines apart, from the request line in the function log', () => {
      const logGroupId = (
        functionOf(plain).Properties.LoggingConfig as { LogGroup: { Ref: string } }
      ).LogGroup.Ref;
      const filters = Object.values(
        plain.template.findResources('AWS::Logs::MetricFilter'),
      ) as Resource[];
      const byMetric = Object.fromEntries(
        filters.map((filter) => {
          const [transformation] = filter.Properties.MetricTransformations as Array<{
            MetricName: string;
            MetricNamespace: string;
          }>;
          expect(transformation.MetricNamespace).toBe(METRICS_NAMESPACE);
          expect(filter.Properties.LogGroupName).toEqual({ Ref: logGroupId });
          return [transformation.MetricName, filter.Properties.FilterPattern];
        }),
      );
      expect(byMetric.Failures).toBe('{ $.msg = "request" && $.outcome = "failure" }');
      expect(byMetric.Deadlines).toBe('{ $.msg = "request" && $.outcome = "deadline" }');
    });
  });

  it('has one dashboard, which shows every alarm', () => {
    plain.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const dashboard = Object.values(
      plain.template.findResources('AWS::CloudWatch::Dashboard'),
    )[0] as Resource;
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const alarmId of Object.keys(plain.template.findResources('AWS::CloudWatch::Alarm'))) {
      expect(body).toContain(alarmId);
    }
    for (const figure of ['ConcurrentExecutions', 'Duration', 'ReadUnits', 'WriteUnits']) {
      expect(body).toContain(figure);
    }
  });

  it('lets any origin GET through CORS', () => {
    plain.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['*'],
        AllowMethods: Match.arrayWith(['GET']),
        ExposeHeaders: ['retry-after'],
      },
    });
    const api = Object.values(
      plain.template.findResources('AWS::ApiGatewayV2::Api'),
    )[0] as Resource;
    const cors = api.Properties.CorsConfiguration as {
      AllowMethods: string[];
      AllowCredentials?: boolean;
    };
    for (const write of ['POST', 'PUT', 'PATCH', 'DELETE', '*'])
      expect(cors.AllowMethods).not.toContain(write);
    expect(cors.AllowCredentials).toBeUndefined();
  });

  it('answers the checkov and cfn-lint rules it departs from on each resource, with a reason', () => {
    const skipped = (type: string) =>
      Object.values(plain.template.findResources(type)).map((resource) =>
        ((resource.Metadata?.checkov?.skip ?? []) as Array<{ id: string; comment: string }>).map(
          (skip) => {
            expect(skip.comment.length).toBeGreaterThan(40);
            return skip.id;
          },
        ),
      );
    expect(skipped('AWS::Lambda::Function')).toEqual([
      expect.arrayContaining(['CKV_AWS_116', 'CKV_AWS_117', 'CKV_AWS_173', 'CKV_AWS_50']),
    ]);
    expect(skipped('AWS::DynamoDB::Table')).toEqual([['CKV_AWS_119']]);
    expect(skipped('AWS::SNS::Topic')).toEqual([['CKV_AWS_26']]);
    for (const ids of skipped('AWS::ApiGatewayV2::Route')) expect(ids).toEqual(['CKV_AWS_309']);
    for (const ids of skipped('AWS::Logs::LogGroup')) {
      expect(ids).toEqual(['CKV_AWS_158', 'CKV_AWS_338']);
    }
    // The concurrency limit (CKV_AWS_115) is met, not skipped.
    expect(JSON.stringify(skipped('AWS::Lambda::Function'))).not.toContain('CKV_AWS_115');
    const fn = Object.values(plain.template.findResources('AWS::Lambda::Function'))[0];
    expect(fn.Metadata['cfn-lint'].config.ignore_checks).toEqual(['ES1007', 'WS1000', 'WS1004']);
  });

  describe('taking over a retained table by name', () => {
    const arnOf = (table: string) => ({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':dynamodb:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          `:table/${table}`,
        ],
      ],
    });

    it('makes no table, and tells the function the existing one', () => {
      configured.template.resourceCountIs('AWS::DynamoDB::Table', 0);
      expect(functionOf(configured).Properties.Environment).toMatchObject({
        Variables: { PRIMES_TABLE: 'primes-retained' },
      });
      expect(configured.template.toJSON().Outputs.TableName.Value).toBe('primes-retained');
    });

    it('grants the same actions as for a table of its own, on that table only', () => {
      const dynamo = (synthesized: SynthesizedStack) =>
        functionRoleStatements(synthesized.template).filter((statement) =>
          actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
        );
      const [imported] = dynamo(configured);
      const [own] = dynamo(plain);
      expect(dynamo(configured)).toHaveLength(1);
      expect(actionsOf(imported).sort()).toEqual(actionsOf(own).sort());
      expect(imported.Resource).toEqual(arnOf('primes-retained'));
    });

    it('alarms on that table', () => {
      const alarms = JSON.stringify(alarmsOf(configured));
      expect(alarms).toContain('"Name":"TableName","Value":"primes-retained"');
    });
  });
});
