import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrimesServiceStack } from '../../infra/primes-service-stack';
import { buildLambdaBundle, type LambdaBundle } from '../../scripts/build-lambda';

export interface SynthesizedStack {
  readonly stack: PrimesServiceStack;
  readonly template: Template;
  readonly bundle: LambdaBundle;
  /** The files of the function's code asset as the app staged it. */
  readonly assetFiles: readonly string[];
  /** A folder for other Apps of the test to write to (else each makes its own in /tmp). */
  readonly scratchDir: string;
  dispose(): void;
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * The stack as `cdk synth` makes it: the same feature flags (cdk.json's context, plus `context`
 * as `cdk synth -c` would add it) and a bundle built fresh, into a temporary folder (a fresh
 * clone has no dist/). Everything the App writes goes to that folder too.
 */
export async function synthesizeStack(
  context: Record<string, unknown> = {},
): Promise<SynthesizedStack> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'primes-infra-'));
  const bundle = await buildLambdaBundle({ outDir: path.join(workDir, 'lambda') });
  const cdkJson = JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const outdir = path.join(workDir, 'cdk.out');
  const app = new App({ outdir, context: { ...cdkJson.context, ...context } });
  const stack = new PrimesServiceStack(app, 'PrimesService', { bundleDir: bundle.outDir });
  const template = Template.fromStack(stack);
  const assetDir = readdirSync(outdir).find((name) => name.startsWith('asset.'));
  if (assetDir === undefined) throw new Error(`no staged asset in ${outdir}`);
  return {
    stack,
    template,
    bundle,
    assetFiles: readdirSync(path.join(outdir, assetDir)).sort(),
    scratchDir: path.join(workDir, 'scratch'),
    dispose: () => rmSync(workDir, { recursive: true, force: true }),
  };
}

export interface PolicyStatementJson {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** The logical id of the template's only Lambda function's role. */
export function functionRoleId(template: Template): string {
  const functions = Object.values(template.findResources('AWS::Lambda::Function'));
  if (functions.length !== 1) throw new Error(`expected one function, found ${functions.length}`);
  const role = functions[0].Properties.Role as { 'Fn::GetAtt': [string, string] };
  return role['Fn::GetAtt'][0];
}

/** Every statement of every IAM policy attached to the function's role. */
export function functionRoleStatements(template: Template): PolicyStatementJson[] {
  const roleId = functionRoleId(template);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) =>
      (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatementJson[]);
}

export function actionsOf(statement: PolicyStatementJson): string[] {
  return typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
}

/** The logical id of the template's only resource of `type`. */
export function onlyResourceId(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return ids[0];
}
