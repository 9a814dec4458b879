import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, BillingMode, type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { answerRuleFindings, RULE_ANSWERS } from './rule-answers';
import { PrimesServiceAlarms } from './service-alarms';
import { servedPaths } from '../src/adapters/http-api/primes-app';

/**
 * Every DynamoDB action the production adapter sends (src/adapters/dynamodb/chunk-table.ts), and
 * no other: test/infra checks this list against the commands a real run records.
 */
export const PRIME_STORE_ACTIONS = ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'] as const;

/** The service's routes, read from the app's own route definitions. */
export const SERVICE_ROUTES = servedPaths();

/**
 * One full vCPU: Lambda gives CPU in proportion to memory, and 1,769 MB is where a function gets
 * a whole one. The sieve is single-threaded and CPU-bound, so less memory only slows it (at the
 * same price per unit of work) and more buys a second vCPU it cannot use. Its memory needs are
 * far below: a page of 100,000 primes, or the 664,579 primes <= 1e7 a direct invoke may return.
 */
const MEMORY_MB = 1_769;
/**
 * API Gateway gives up on an HTTP API integration after 30 s. The function stops extending the
 * store PRIMES_DEADLINE_MARGIN_MS before its own timeout and answers 503 with its progress, so
 * with 28 s and a 2 s margin that answer reaches the caller before the gateway's 30 s, a cold
 * start included. A direct invoke has the same budget: {"max": 1e7} needs well under a second.
 */
const TIMEOUT = Duration.seconds(28);
const DEADLINE_MARGIN_MS = 2_000;
/**
 * Steady and burst requests per second of each route. The stage's default route settings are
 * what AWS calls route-level throttling: every route of the stage gets these limits, each
 * route its own token bucket, so they do not cap the API as a whole (the stage admits this rate
 * times the number of routes below, `$default` included). API Gateway applies them on a
 * best-effort basis, under the account's own per-Region limit (10,000/s, burst 5,000, by
 * default). What caps the cost is the function's reserved concurrency.
 */
const THROTTLE = { rateLimit: 20, burstLimit: 40 };
/**
 * Reserved concurrency when the context gives none. It caps how many invocations run at once,
 * the HTTP API's and direct invokes' together: past it, Lambda refuses the invocation (HTTP API
 * callers get 503 from the gateway, direct callers a TooManyRequestsException) instead of
 * starting more 28-second, 1,769 MB sandboxes. So it bounds the Lambda bill per hour, and
 * through the sandboxes the DynamoDB units they can spend (the README's cost table). It also
 * takes that many from the account's unreserved pool, which Lambda keeps at 100 or more.
 */
export const DEFAULT_RESERVED_CONCURRENCY = 10;

/** The CDK context keys (`cdk deploy -c key=value`, or cdk.json) the stack reads. */
export const CONTEXT = {
  reservedConcurrency: 'primes:reservedConcurrency',
  alarmEmail: 'primes:alarmEmail',
  existingTableName: 'primes:existingTableName',
} as const;

export interface PrimesServiceStackProps extends StackProps {
  /** The folder `npm run build` fills (dist/lambda): index.js, its source map, meta.json. */
  readonly bundleDir: string;
  readonly logRetention?: RetentionDays;
}

/** The prime store table, the function serving it, the HTTP API in front, and their alarms. */
export class PrimesServiceStack extends Stack {
  readonly table: ITable;
  readonly function: LambdaFunction;
  readonly api: HttpApi;
  readonly alarms: PrimesServiceAlarms;

  constructor(scope: Construct, id: string, props: PrimesServiceStackProps) {
    super(scope, id, props);
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const reservedConcurrency = readReservedConcurrency(this);
    const existingTableName = readOptionalString(this, CONTEXT.existingTableName);

    // The ancestor's key schema. The primes took CPU time to find: the table outlives the stack,
    // and a later deployment can take the retained table over by name instead of making one.
    this.table =
      existingTableName !== undefined
        ? Table.fromTableName(this, 'PrimesTable', existingTableName)
        : new Table(this, 'PrimesTable', {
            partitionKey: { name: 'index', type: AttributeType.NUMBER },
            billingMode: BillingMode.PAY_PER_REQUEST,
            pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
            deletionProtection: true,
            removalPolicy: RemovalPolicy.RETAIN,
          });

    const logGroup = new LogGroup(this, 'FunctionLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // A role of our own instead of AWSLambdaBasicExecutionRole, whose logs actions apply to "*".
    const role = new Role(this, 'FunctionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'primes service: its own log group, and the prime table by key',
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    // Reads and writes by key, on this table only: no Scan, Query, table management or wildcard.
    role.addToPolicy(
      new PolicyStatement({
        actions: PRIME_STORE_ACTIONS.map((action) => `dynamodb:${action}`),
        resources: [this.table.tableArn],
      }),
    );

    this.function = new LambdaFunction(this, 'PrimesFunction', {
      description: 'primes as a service: direct invoke {"max": N} and the HTTP API',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      // The exact bundle `npm run build` checked and the cold-start bench measured.
      code: Code.fromAsset(props.bundleDir, { exclude: ['meta.json'] }),
      handler: 'index.handler',
      memorySize: MEMORY_MB,
      timeout: TIMEOUT,
      reservedConcurrentExecutions: reservedConcurrency,
      role,
      logGroup,
      environment: {
        PRIMES_TABLE: this.table.tableName,
        PRIMES_DEADLINE_MARGIN_MS: String(DEADLINE_MARGIN_MS),
        // Stack traces in the logs point into src/, not the minified bundle (about 20 ms of init).
        NODE_OPTIONS: '--enable-source-maps',
      },
    });

    this.api = new HttpApi(this, 'PrimesApi', {
      description: 'primes as a service',
      createDefaultStage: false,
      // Public data: any origin may read it, as the service itself answers. The gateway answers
      // preflight requests itself and sets these headers on every answer.
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.HEAD, CorsHttpMethod.OPTIONS],
        allowHeaders: ['content-type'],
        exposeHeaders: ['retry-after'],
        maxAge: Duration.days(1),
      },
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            route: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            error: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration('PrimesIntegration', this.function);
    for (const path of SERVICE_ROUTES) {
      new HttpRoute(this, `Route ${path}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(path, HttpMethod.GET),
        integration,
      });
    }
    // Everything else reaches the function too, which answers 404 or 405 with the service's own
    // error body, as the local server does (the gateway's own 404 would be {"message": ...}).
    new HttpRoute(this, 'Route $default', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration,
    });

    this.alarms = new PrimesServiceAlarms(this, 'Alarms', {
      function: this.function,
      functionLogs: logGroup,
      table: this.table,
      tableOperations: PRIME_STORE_ACTIONS,
      timeout: TIMEOUT,
      reservedConcurrency,
      alarmEmail: readOptionalString(this, CONTEXT.alarmEmail),
    });

    answerRuleFindings(this.function, [
      RULE_ANSWERS.runtimeVersion,
      RULE_ANSWERS.noVpc,
      RULE_ANSWERS.synchronousOnly,
      RULE_ANSWERS.plainEnvironment,
      RULE_ANSWERS.noTracing,
      RULE_ANSWERS.unsignedCode,
      RULE_ANSWERS.functionLogGroup,
    ]);
    if (this.table instanceof Table) answerRuleFindings(this.table, [RULE_ANSWERS.publicData]);
    answerRuleFindings(logGroup, [RULE_ANSWERS.logsEncryption, RULE_ANSWERS.logsRetention]);
    answerRuleFindings(accessLogs, [RULE_ANSWERS.logsEncryption, RULE_ANSWERS.logsRetention]);
    for (const route of this.node.children.filter((child) => child instanceof HttpRoute)) {
      answerRuleFindings(route, [RULE_ANSWERS.publicApi]);
    }

    new CfnOutput(this, 'ApiUrl', { value: stage.url, description: 'the HTTP API base URL' });
    new CfnOutput(this, 'FunctionName', {
      value: this.function.functionName,
      description: 'for aws lambda invoke',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}

function readReservedConcurrency(scope: Construct): number {
  const raw: unknown = scope.node.tryGetContext(CONTEXT.reservedConcurrency);
  if (raw === undefined) return DEFAULT_RESERVED_CONCURRENCY;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(
      `context ${CONTEXT.reservedConcurrency} must be a whole number of at least 1, got ` +
        `${JSON.stringify(raw)}`,
    );
  }
  return value;
}

function readOptionalString(scope: Construct, key: string): string | undefined {
  const raw: unknown = scope.node.tryGetContext(key);
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw new Error(`context ${key} must be a string`);
  return raw;
}
