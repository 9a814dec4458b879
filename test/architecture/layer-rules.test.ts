import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The hexagon's layer rules are ESLint rules; this proves they bite. ESLint loads its config
 * by dynamic import, which jest's module sandbox refuses, so the cases are linted in one child
 * process.
 */
const ROOT = path.resolve(__dirname, '../..');
const LINT_CASES = `
  const { ESLint } = require('eslint');
  const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const eslint = new ESLint({ cwd: process.cwd() });
  Promise.all(cases.map(async ([file, code]) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
  })).then((counts) => process.stdout.write(JSON.stringify(counts)));
`;

const forbidden: Array<[string, string]> = [
  ['src/domain/x.ts', "import { z } from 'zod';"],
  ['src/domain/x.ts', "import { readFileSync } from 'node:fs';"],
  ['src/domain/x.ts', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';"],
  ['src/domain/use-cases/x.ts', "import { a } from '../../adapters/memory/a';"],
  ['src/domain/use-cases/x.ts', "import { a } from '../../composition/a';"],
  ['src/ports/x.ts', "import { Container } from 'inversify';"],
  ['src/ports/x.ts', "import { a } from '../domain/a';"],
  ['src/adapters/lambda/x.ts', "import { a } from '../memory/a';"],
  ['src/adapters/local-server/x.ts', "import { a } from '../dynamodb/a';"],
  ['src/adapters/dynamodb/x.ts', "import { a } from '../../composition/a';"],
  ['src/adapters/cli/x.ts', "import { a } from '../http-api/a';"],
];
const allowed: Array<[string, string]> = [
  ['src/domain/use-cases/x.ts', "import { a } from '../../ports/a';"],
  ['src/adapters/lambda/x.ts', "import { a } from '../http-api/a';"],
  ['src/adapters/dynamodb/x.ts', "import { a } from '@aws-sdk/lib-dynamodb';"],
  ['src/adapters/local-server/x.ts', "import { a } from '../http-api/a';"],
  ['src/adapters/cli/x.ts', "import { a } from '../strict-integer';"],
  ['src/composition/x.ts', "import { a } from '../adapters/memory/a';"],
];

function lint(cases: Array<[string, string]>): number[] {
  const input = JSON.stringify(
    cases.map(([file, code]) => [file, `${code}\nexport const x = a;\n`]),
  );
  return JSON.parse(
    execFileSync(process.execPath, ['-e', LINT_CASES], { cwd: ROOT, input, encoding: 'utf8' }),
  );
}

describe('layer rules', () => {
  it('refuses imports across the layers', () => {
    const counts = lint(forbidden);
    forbidden.forEach((testCase, i) => expect([testCase, counts[i]]).toEqual([testCase, 1]));
  });

  it('allows the imports the architecture needs', () => {
    const counts = lint(allowed);
    allowed.forEach((testCase, i) => expect([testCase, counts[i]]).toEqual([testCase, 0]));
  });
});
