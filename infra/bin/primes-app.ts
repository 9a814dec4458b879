import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { buildLambdaBundle, describeBundle } from '../../scripts/build-lambda';
import { PrimesServiceStack } from '../primes-service-stack';

/**
 * The CDK app (`npx cdk synth`, `npx cdk deploy`). It builds the Lambda bundle first, so a deploy
 * never ships a stale or unchecked one. The stack is environment-agnostic unless the CLI knows
 * the account and region (it does when it has credentials): synth needs no account, no lookups
 * and no network.
 */
async function main(): Promise<void> {
  const bundle = await buildLambdaBundle();
  process.stderr.write(`${describeBundle(bundle)}\n`);
  const app = new App();
  new PrimesServiceStack(app, 'PrimesService', {
    bundleDir: bundle.outDir,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: 'primes as a service: DynamoDB prime store, Lambda function, HTTP API',
  });
  // The same rule packs the tests run: a finding nobody answered shows in every synth and deploy.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  app.synth();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
