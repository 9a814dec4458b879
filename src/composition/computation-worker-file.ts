import { extname, join } from 'node:path';

/**
 * Where the computation worker's entry file is, beside this module: the TypeScript source when
 * run through tsx or jest (the worker then loads tsx itself), the .js file in a bundle.
 */
export function computationWorkerFile(): { entry: string; execArgv: string[] } {
  const source = extname(__filename) === '.ts';
  return {
    entry: join(__dirname, `computation-worker-entry${source ? '.ts' : '.js'}`),
    execArgv: source ? ['--require', 'tsx/cjs'] : [],
  };
}
