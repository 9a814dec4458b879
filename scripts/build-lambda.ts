import { build, type Metafile } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DOCS_ASSETS } from '../src/adapters/http-api/routes/docs-routes';

/**
 * The Lambda bundle: one minified CommonJS file with its source map, for the nodejs22.x runtime
 * (targeting node20 keeps it loadable by the Node 20 we develop on). CommonJS because the SDK's
 * ESM build fails at load inside an ESM bundle ("Dynamic require of node:https"). Everything is
 * bundled, the AWS SDK included: the deployed code runs exactly the SDK version the tests ran.
 *
 * Run standalone (`npm run build`) it writes dist/lambda/{index.js,index.js.map,meta.json}, and
 * computation-worker-entry.js with its map beside them, and
 * reports the size; the CDK app and the tests call buildLambdaBundle() themselves.
 */
const ROOT = path.resolve(__dirname, '..');
export const LAMBDA_ENTRY = path.join(ROOT, 'src/composition/lambda-entry.ts');
/**
 * The computation worker thread's entry, a second entry point: computationWorkerFile() looks
 * for it beside index.js, so a root that runs its computations in a worker finds it there.
 */
export const COMPUTATION_WORKER_ENTRY = path.join(
  ROOT,
  'src/composition/computation-worker-entry.ts',
);
export const DEFAULT_LAMBDA_OUT_DIR = path.join(ROOT, 'dist/lambda');

/** Packages of the development and test roots; their presence means a wrong import path. */
const FORBIDDEN_PACKAGES = ['dynalite', 'testcontainers', 'classic-level', 'leveldown', 'level'];
/** Helpers that load compiled addons: a package depending on them is a native module. */
const NATIVE_LOADERS = ['node-gyp-build', 'bindings', 'prebuild-install', 'node-addon-api'];

export interface LambdaBundle {
  readonly outDir: string;
  /** index.js: the handler is `index.handler`. */
  readonly file: string;
  /** computation-worker-entry.js, beside index.js. */
  readonly workerFile: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly sourceMapBytes: number;
  /** Swagger UI's files for GET /docs, copied beside index.js (read on the first request). */
  readonly docsAssetsBytes: number;
  /** The largest contributors to the bundle, in bytes of output, biggest first. */
  readonly largestPackages: ReadonlyArray<readonly [string, number]>;
}

export class ForbiddenBundleInputError extends Error {
  constructor(readonly offenders: readonly string[]) {
    super(
      `the Lambda bundle must not contain development, test or native modules; found:\n  ` +
        offenders.join('\n  '),
    );
    this.name = 'ForbiddenBundleInputError';
  }
}

export async function buildLambdaBundle(
  options: { outDir?: string; entry?: string } = {},
): Promise<LambdaBundle> {
  const outDir = options.outDir ?? DEFAULT_LAMBDA_OUT_DIR;
  const file = path.join(outDir, 'index.js');
  const workerFile = path.join(outDir, 'computation-worker-entry.js');
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    entryPoints: {
      index: options.entry ?? LAMBDA_ENTRY,
      'computation-worker-entry': COMPUTATION_WORKER_ENTRY,
    },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The SDK's ES module builds tree-shake better than its CommonJS ones (about 200 KB less).
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: 'linked',
    // Stack traces only need the mappings, not a copy of every source file.
    sourcesContent: false,
    // Licence texts beside the bundle rather than parsed at every cold start.
    legalComments: 'external',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  writeFileSync(path.join(outDir, 'meta.json'), JSON.stringify(result.metafile));
  const offenders = forbiddenInputs(result.metafile);
  if (offenders.length > 0) {
    // Leave no deployable bundle behind.
    rmSync(outDir, { recursive: true, force: true });
    throw new ForbiddenBundleInputError(offenders);
  }
  const code = readFileSync(file);
  const docsAssetsBytes = copyDocsAssets(path.join(outDir, 'swagger-ui'));
  return {
    outDir,
    file,
    workerFile,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    sourceMapBytes: readFileSync(`${file}.map`).length,
    docsAssetsBytes,
    largestPackages: largestPackages(result.metafile),
  };
}

/**
 * Files, not modules: bundled, the 1.4 MB of Swagger UI would be parsed at every cold start
 * for a page few requests ask for. Returns their total size.
 */
function copyDocsAssets(dir: string): number {
  const source = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const name of Object.keys(DOCS_ASSETS)) {
    copyFileSync(path.join(source, name), path.join(dir, name));
    bytes += readFileSync(path.join(dir, name)).length;
  }
  return bytes;
}

/**
 * The inputs of `metafile` that must never reach Lambda: the dev/test engines by name, any
 * compiled addon (`.node`), and any package that builds or loads one (binding.gyp, "gypfile",
 * or a dependency on an addon loader).
 */
export function forbiddenInputs(metafile: Metafile): string[] {
  const offenders = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    if (input.endsWith('.node')) offenders.add(`${input} (compiled addon)`);
    const name = packageOf(input);
    if (name === undefined) continue;
    if (FORBIDDEN_PACKAGES.includes(name)) offenders.add(`${name} (development/test engine)`);
    else if (NATIVE_LOADERS.includes(name)) offenders.add(`${name} (native addon loader)`);
    else if (isNativePackage(packageRoot(input))) offenders.add(`${name} (native module)`);
  }
  return [...offenders].sort();
}

function largestPackages(metafile: Metafile): Array<readonly [string, number]> {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input) ?? '(our code)';
      sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 8);
}

const PACKAGE_PATH = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//;

function packageOf(input: string): string | undefined {
  return PACKAGE_PATH.exec(input)?.[2];
}

function packageRoot(input: string): string {
  return path.resolve(ROOT, PACKAGE_PATH.exec(input)?.[1] ?? '.');
}

const nativeByRoot = new Map<string, boolean>();

function isNativePackage(root: string): boolean {
  let native = nativeByRoot.get(root);
  if (native === undefined) {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      gypfile?: boolean;
      dependencies?: Record<string, string>;
    };
    native =
      manifest.gypfile === true ||
      existsSync(path.join(root, 'binding.gyp')) ||
      NATIVE_LOADERS.some((loader) => loader in (manifest.dependencies ?? {}));
    nativeByRoot.set(root, native);
  }
  return native;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function describeBundle(bundle: LambdaBundle): string {
  return [
    `${path.relative(process.cwd(), bundle.file)}: ${kilobytes(bundle.bytes)} ` +
      `(${kilobytes(bundle.gzipBytes)} gzipped), source map ${kilobytes(bundle.sourceMapBytes)}, ` +
      `Swagger UI files ${kilobytes(bundle.docsAssetsBytes)}`,
    'largest parts:',
    ...bundle.largestPackages.map(([name, bytes]) => `  ${name.padEnd(28)} ${kilobytes(bytes)}`),
  ].join('\n');
}

if (require.main === module) {
  buildLambdaBundle().then(
    (bundle) => process.stdout.write(`${describeBundle(bundle)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
