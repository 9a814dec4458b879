import { spawnSync } from 'node:child_process';
import { GenericContainer, getContainerRuntimeClient, Wait } from 'testcontainers';
import type { DynamoDbEngine } from './dynamodb-engine';

export const DEFAULT_DYNAMODB_TEST_IMAGE = 'amazon/dynamodb-local';
const DYNAMODB_PORT = 8000;

/**
 * Starts a DynamoDB-compatible server in a container through testcontainers. The image must
 * serve DynamoDB's API on port 8000: amazon/dynamodb-local does, and so does the dynalite image
 * scripts/build-dynalite-image.sh builds for machines without a registry.
 */
export async function startDynamoDbContainer(
  image: string = DEFAULT_DYNAMODB_TEST_IMAGE,
): Promise<DynamoDbEngine> {
  const container = await new GenericContainer(image)
    .withExposedPorts(DYNAMODB_PORT)
    .withWaitStrategy(Wait.forListeningPorts())
    .withStartupTimeout(30_000)
    .start();
  return {
    kind: 'container',
    endpoint: `http://${container.getHost()}:${container.getMappedPort(DYNAMODB_PORT)}`,
    close: async () => {
      // Ryuk may be disabled (no registry to pull it from): nothing else would stop it.
      await container.stop({ timeout: 0 });
    },
  };
}

/** Whether testcontainers finds a container engine that answers. */
export async function containerEngineAnswers(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export interface ContainerEngineProbe {
  readonly answers: boolean;
  /** Why not, in testcontainers' words, when no engine answers. */
  readonly reason: string;
}

/**
 * The same question, answered synchronously in a child process, for test files that must decide
 * while jest collects them whether a suite runs or is skipped (with this reason in its name).
 */
export function probeContainerEngineSync(): ContainerEngineProbe {
  const script =
    'require(process.argv[1]).getContainerRuntimeClient().then(' +
    '() => process.exit(0), (e) => { process.stderr.write(String(e && e.message)); process.exit(1); })';
  const result = spawnSync(process.execPath, ['-e', script, require.resolve('testcontainers')], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, DEBUG: '' },
  });
  if (result.status === 0) return { answers: true, reason: '' };
  const reason = result.stderr.trim() || result.error?.message || `probe exited ${result.status}`;
  return { answers: false, reason };
}
