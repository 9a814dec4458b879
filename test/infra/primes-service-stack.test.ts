import { Match } from 'aws-cdk-lib/assertions';
import { openApiDocument } from '../../src/adapters/http-api/primes-app';
import { primeRoutes } from '../../src/adapters/http-api/prime-routes';
import { DEFAULT_PRIME_LIMITS } from '../../src/domain/values/prime-limits';
import {
  actionsOf,
  functionRoleId,
  functionRoleStatements,
  onlyResourceId,
  synthesizeStack,
  type SynthesizedStack,
} from './synthesized-stack';

/** API Gateway's limit on an HTTP API integration: the function must answer before it. */
const GATEWAY_TIMEOUT_MS = 30_000;

describe('the synthesized CloudFormation template', () => {
  let synthesized: SynthesizedStack;
  let tableId: string;
  let functionId: string;

  beforeAll(async () => {
    synthesized = await synthesizeStack();
    tableId = onlyResourceId(synthesized.template, 'AWS::DynamoDB::Table');
    functionId = onlyResourceId(synthesized.template, 'AWS::Lambda::Function');
  });
  afterAll(() => synthesized?.dispose());

  const template = () => synthesized.template;
  const functionProperties = () =>
    template().findResources('AWS::Lambda::Function')[functionId].Properties;

  describe('the table', () => {
    it('has the ancestor key schema: partition key `index`, a Number, and nothing else', () => {
      template().hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [{ AttributeName: 'index', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'index', AttributeType: 'N' }],
        GlobalSecondaryIndexes: Match.absent(),
        LocalSecondaryIndexes: Match.absent(),
      });
    });

    it('bills on demand and keeps point-in-time recovery on', () => {
      template().hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        ProvisionedThroughput: Match.absent(),
      });
    });

    it('outlives the stack: retained on deletion and replacement, protected from deletion', () => {
      template().hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      });
    });
  });

  describe('the function', () => {
    it('runs the bundle on nodejs22.x, arm64, as index.handler', () => {
      template().hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
    });

    it('ships the built bundle and its source map, not the build metafile', () => {
      expect(synthesized.assetFiles).toContain('index.js');
      expect(synthesized.assetFiles).toContain('index.js.map');
      expect(synthesized.assetFiles).not.toContain('meta.json');
    });

    it('gets a whole vCPU and answers before the HTTP API gives up', () => {
      const { MemorySize, Timeout, Environment } = functionProperties();
      expect(MemorySize).toBe(1_769);
      const marginMs = Number(Environment.Variables.PRIMES_DEADLINE_MARGIN_MS);
      expect(marginMs).toBeGreaterThan(0);
      expect(Timeout * 1_000).toBeLessThan(GATEWAY_TIMEOUT_MS);
      expect(Timeout * 1_000 - marginMs).toBeGreaterThan(GATEWAY_TIMEOUT_MS / 2);
    });

    it('is told its table by environment', () => {
      expect(functionProperties().Environment.Variables).toMatchObject({
        PRIMES_TABLE: { Ref: tableId },
      });
    });

    it('logs to a log group of its own with a retention', () => {
      const logGroupId = functionProperties().LoggingConfig.LogGroup.Ref as string;
      const logGroup = template().findResources('AWS::Logs::LogGroup')[logGroupId];
      expect(logGroup.Properties.RetentionInDays).toBe(30);
    });

    it('keeps API access logs for a limited time too', () => {
      const stage = Object.values(template().findResources('AWS::ApiGatewayV2::Stage'))[0];
      const logGroupId = stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
      const logGroup = template().findResources('AWS::Logs::LogGroup')[logGroupId];
      expect(logGroup.Properties.RetentionInDays).toBe(30);
    });
  });

  describe('the HTTP API', () => {
    it('routes GET on every path of the OpenAPI document, and everything else, to the function', () => {
      const document = openApiDocument(primeRoutes(DEFAULT_PRIME_LIMITS), DEFAULT_PRIME_LIMITS);
      const paths = Object.keys(document.paths ?? {});
      const routeKeys = Object.values(template().findResources('AWS::ApiGatewayV2::Route')).map(
        (route) => route.Properties.RouteKey as string,
      );
      // Beside the routes of the list, the service's own pages: this document and its reference.
      const served = [...paths, '/openapi.json', '/docs', '/docs/{asset}'];
      expect(routeKeys.sort()).toEqual([...served.map((path) => `GET ${path}`), '$default'].sort());
      expect(paths).toEqual(
        expect.arrayContaining([
          '/primes',
          '/primes/nth/{n}',
          '/primes/count',
          '/is-prime/{n}',
          '/store',
          '/health',
        ]),
      );
    });

    it('sends every route to the one Lambda integration, in payload format 2.0', () => {
      const integrationId = onlyResourceId(template(), 'AWS::ApiGatewayV2::Integration');
      template().hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [functionId, 'Arn'] },
      });
      for (const route of Object.values(template().findResources('AWS::ApiGatewayV2::Route'))) {
        expect(route.Properties.Target).toEqual({
          'Fn::Join': ['', ['integrations/', { Ref: integrationId }]],
        });
      }
    });

    it('throttles the stage', () => {
      template().hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: {
          ThrottlingRateLimit: Match.anyValue(),
          ThrottlingBurstLimit: Match.anyValue(),
        },
      });
    });

    it('lets only this API invoke the function', () => {
      const permissions = Object.values(template().findResources('AWS::Lambda::Permission'));
      expect(permissions.length).toBeGreaterThan(0);
      const apiId = onlyResourceId(template(), 'AWS::ApiGatewayV2::Api');
      for (const permission of permissions) {
        expect(permission.Properties.Principal).toBe('apigateway.amazonaws.com');
        expect(JSON.stringify(permission.Properties.SourceArn)).toContain(`"Ref":"${apiId}"`);
      }
    });

    it('outputs the URL, the function name and the table name', () => {
      expect(Object.keys(template().toJSON().Outputs).sort()).toEqual([
        'ApiUrl',
        'FunctionName',
        'TableName',
      ]);
    });
  });

  describe("the function's role", () => {
    it('is assumed by Lambda only and carries no managed policy', () => {
      const role = template().findResources('AWS::IAM::Role')[functionRoleId(template())];
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties.Policies).toBeUndefined();
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
        },
      ]);
    });

    it('allows only named actions on named resources: no wildcard anywhere', () => {
      const statements = functionRoleStatements(template());
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.Effect).toBe('Allow');
        for (const action of actionsOf(statement)) expect(action).not.toMatch(/\*/);
        expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|:\*"|\/\*"/);
      }
    });

    it("grants DynamoDB on the table's ARN only, and no Scan, Query or table management", () => {
      const dynamo = functionRoleStatements(template()).filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
      );
      expect(dynamo).toHaveLength(1);
      expect(dynamo[0].Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
      for (const forbidden of ['Scan', 'Query', 'CreateTable', 'DeleteTable', 'UpdateTable']) {
        expect(actionsOf(dynamo[0])).not.toContain(`dynamodb:${forbidden}`);
      }
    });

    it('writes logs to its own log group only', () => {
      const logs = functionRoleStatements(template()).filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('logs:')),
      );
      const logGroupId = functionProperties().LoggingConfig.LogGroup.Ref as string;
      expect(logs).toEqual([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
        },
      ]);
    });
  });
});
