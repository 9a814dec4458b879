import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function filesUnder(folder: string, suffix: string): string[] {
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return name.endsWith(suffix) ? [path] : [];
  });
}

function mentions(file: string, pattern: RegExp): boolean {
  return pattern.test(readFileSync(file, 'utf8'));
}

/** Each driven port with a contract suite, and the function that runs that suite. */
const CONTRACTS = {
  PrimeRepository: 'describePrimeRepositoryContract',
  CountMemory: 'describeCountMemoryContract',
} as const;
type ContractPort = keyof typeof CONTRACTS;

/** The folders under src/adapters of `root` that hold a class implementing `port`. */
function repositoryAdapters(root: string, port: ContractPort = 'PrimeRepository'): string[] {
  const adapters = join(root, 'src/adapters');
  const implementsPort = new RegExp(`\\bimplements\\s+([\\w\\s,]+,\\s*)?${port}\\b`);
  return readdirSync(adapters)
    .filter((name) => statSync(join(adapters, name)).isDirectory())
    .filter((name) =>
      filesUnder(join(adapters, name), '.ts').some((file) => mentions(file, implementsPort)),
    );
}

/** Those with no test file under test/adapters/<folder> that calls the port's contract suite. */
function adaptersWithoutContractRun(
  root: string,
  port: ContractPort = 'PrimeRepository',
): string[] {
  const runsSuite = new RegExp(`${CONTRACTS[port]}\\(`);
  return repositoryAdapters(root, port).filter(
    (name) =>
      !filesUnder(join(root, 'test/adapters', name), '.test.ts').some((file) =>
        mentions(file, runsSuite),
      ),
  );
}

describe('every PrimeRepository adapter', () => {
  const root = join(__dirname, '../..');

  it('has a test under test/adapters/<its folder> that runs the contract suite', () => {
    expect(repositoryAdapters(root)).toEqual(expect.arrayContaining(['memory', 'dynamodb']));
    expect(adaptersWithoutContractRun(root)).toEqual([]);
  });

  it('and every CountMemory adapter has a test there that runs its contract suite', () => {
    expect(repositoryAdapters(root, 'CountMemory')).toEqual(
      expect.arrayContaining(['memory', 'dynamodb']),
    );
    expect(adaptersWithoutContractRun(root, 'CountMemory')).toEqual([]);
  });

  it('is held to it: an adapter without a contract run is named', () => {
    const fake = mkdtempSync(join(tmpdir(), 'adapters-'));
    const write = (path: string, text: string): void => {
      mkdirSync(dirname(join(fake, path)), { recursive: true });
      writeFileSync(join(fake, path), text);
    };
    try {
      write('src/adapters/run/a.ts', 'export class A implements PrimeRepository {}');
      write('test/adapters/run/a.test.ts', "describePrimeRepositoryContract('a', make);");
      write('src/adapters/norun/b.ts', 'export class B implements Disposable, PrimeRepository {}');
      write('test/adapters/norun/b.test.ts', "it('works', () => undefined);");
      write('src/adapters/notests/c.ts', 'export class C implements PrimeRepository {}');
      write('src/adapters/other/d.ts', 'export class D implements Clock {}');
      expect(adaptersWithoutContractRun(fake).sort()).toEqual(['norun', 'notests']);
      write('src/adapters/run/e.ts', 'export class E implements CountMemory {}');
      expect(adaptersWithoutContractRun(fake, 'CountMemory')).toEqual(['run']);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });
});
