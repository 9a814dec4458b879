import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Subscription, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { answerRuleFindings, RULE_ANSWERS } from './rule-answers';

/** The namespace of the request line's embedded metrics and of the log metric filters. */
export const METRICS_NAMESPACE = 'PrimesService';
/** Lambda's Duration p99 may not pass this share of the timeout. */
export const DURATION_ALARM_SHARE = 0.8;
const PERIOD = Duration.minutes(5);
/** The request lines (src/adapters/lambda/request-log.ts) of answers that are our fault. */
export const FAILURE_LINES = '{ $.msg = "request" && $.outcome = "failure" }';
/** The request lines of the deliberate deadline 503, which the caller retries. */
export const DEADLINE_LINES = '{ $.msg = "request" && $.outcome = "deadline" }';

export interface PrimesServiceAlarmsProps {
  readonly function: LambdaFunction;
  readonly functionLogs: ILogGroup;
  readonly table: ITable;
  /** The DynamoDB actions the function sends: the operations its table metrics cover. */
  readonly tableOperations: readonly string[];
  readonly timeout: Duration;
  readonly reservedConcurrency: number;
  /** Subscribed to the alarm topic when given. */
  readonly alarmEmail?: string;
}

/**
 * What pages an operator, and the dashboard that shows why. Every alarm goes to one SNS topic.
 * Real failures are counted from the request line the function logs (`outcome: "failure"`),
 * apart from the deliberate 503 of a deadline (`outcome: "deadline"`), which a caller is meant
 * to retry and which must not page anyone.
 */
export class PrimesServiceAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: readonly Alarm[];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: PrimesServiceAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: 'primes service alarms',
      enforceSSL: true,
    });
    answerRuleFindings(this.topic, [RULE_ANSWERS.alarmTopicEncryption]);
    if (props.alarmEmail !== undefined) {
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
      for (const subscription of this.topic.node.children.filter(
        (child) => child instanceof Subscription,
      )) {
        answerRuleFindings(subscription, [RULE_ANSWERS.alarmEmailRetries]);
      }
    }

    const requestLineCount = (name: string, pattern: string) =>
      new MetricFilter(this, `${name}Filter`, {
        logGroup: props.functionLogs,
        filterPattern: FilterPattern.literal(pattern),
        metricNamespace: METRICS_NAMESPACE,
        metricName: name,
        metricValue: '1',
        defaultValue: 0,
      }).metric({ statistic: 'Sum', period: PERIOD });
    const failures = requestLineCount('Failures', '{ $.msg = "request" && $.outcome = "failure" }');
    const deadlines = requestLineCount(
      'Deadlines',
      '{ $.msg = "request" && $.outcome = "deadline" }',
    );
    // A direct invoke reports a deadline or a caller's mistake by throwing, which Lambda counts
    // in Errors; they are subtracted, so that Errors alarms on crashes and timeouts only.
    const expectedDirectErrors = requestLineCount(
      'DirectInvokeExpectedErrors',
      '{ $.msg = "request" && $.route = "direct" && ' +
        '($.outcome = "deadline" || $.outcome = "rejected") }',
    );

    const fn = props.function;
    const lambdaErrors = new MathExpression({
      label: 'Lambda errors (crashes and timeouts)',
      expression: 'errors - FILL(expected, 0)',
      usingMetrics: {
        errors: fn.metricErrors({ period: PERIOD }),
        expected: expectedDirectErrors,
      },
      period: PERIOD,
    });
    const durationLimitMs = props.timeout.toMilliseconds() * DURATION_ALARM_SHARE;
    const durationP99 = fn.metricDuration({ statistic: 'p99', period: PERIOD });
    const operations = props.tableOperations.map(operationOf);
    const tableThrottles = props.table.metricThrottledRequestsForOperations({
      operations,
      period: PERIOD,
      label: 'DynamoDB throttled requests',
    });
    const tableSystemErrors = props.table.metricSystemErrorsForOperations({
      operations,
      period: PERIOD,
      label: 'DynamoDB system errors',
    });

    const alarm = (
      name: string,
      metric: IMetric,
      threshold: number,
      description: string,
      evaluationPeriods = 1,
    ): Alarm => {
      const made = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      made.addAlarmAction(new SnsAction(this.topic));
      made.addOkAction(new SnsAction(this.topic));
      return made;
    };
    this.alarms = [
      alarm(
        'FailuresAlarm',
        failures,
        1,
        'Answers that are the service’s fault (500s, the store unavailable), counted from the ' +
          'request log; the deliberate deadline 503 is not among them.',
      ),
      alarm('LambdaErrorsAlarm', lambdaErrors, 1, 'The function crashed or timed out.'),
      alarm(
        'LambdaThrottlesAlarm',
        fn.metricThrottles({ period: PERIOD }),
        1,
        `Invocations refused at the reserved concurrency of ${props.reservedConcurrency}: ` +
          'callers got 503 from the gateway. Raise the cap, or find who sends the load.',
      ),
      alarm(
        'LambdaDurationAlarm',
        durationP99,
        durationLimitMs,
        `Duration p99 at or above ${DURATION_ALARM_SHARE * 100} % of the timeout for 15 ` +
          'minutes: the function is close to being killed rather than answering in time.',
        3,
      ),
      alarm(
        'TableThrottlesAlarm',
        tableThrottles,
        1,
        'DynamoDB throttled the store’s requests (the SDK retries them, then the request fails).',
      ),
      alarm('TableSystemErrorsAlarm', tableSystemErrors, 1, 'DynamoDB answered with 500s.'),
    ];

    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(3),
    });
    const graph = (title: string, left: IMetric[], right: IMetric[] = [], annotation?: number) =>
      new GraphWidget({
        title,
        left,
        right,
        width: 12,
        leftAnnotations: annotation === undefined ? undefined : [{ value: annotation }],
      });
    const emf = (metricName: string, label: string) =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: 'primes' },
        statistic: 'Sum',
        period: PERIOD,
        label,
      });
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'alarms', alarms: [...this.alarms], width: 24 }),
    );
    this.dashboard.addWidgets(
      graph(
        'requests and their outcome',
        [emf('Requests', 'requests'), failures, deadlines],
        [lambdaErrors],
      ),
      graph(
        'concurrency against its cap, and throttles',
        [fn.metric('ConcurrentExecutions', { statistic: 'Maximum', period: PERIOD })],
        [fn.metricThrottles({ period: PERIOD })],
        props.reservedConcurrency,
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'duration (ms): p50, p99, and the alarm line',
        [fn.metricDuration({ statistic: 'p50', period: PERIOD }), durationP99],
        [],
        durationLimitMs,
      ),
      graph('DynamoDB capacity units the requests consumed', [
        emf('ReadUnits', 'read units'),
        emf('WriteUnits', 'write units'),
      ]),
    );
    // Apart: each sums the same per-operation metrics, whose ids may not repeat in one graph.
    this.dashboard.addWidgets(
      graph('DynamoDB throttled requests', [tableThrottles]),
      graph('DynamoDB system errors', [tableSystemErrors]),
    );
  }
}

function operationOf(action: string): Operation {
  const operation = Object.values(Operation).find((each) => each === action);
  if (operation === undefined) throw new Error(`no DynamoDB metric operation for ${action}`);
  return operation;
}
