import {
  ProvisionedThroughputExceededException,
  ThrottlingException,
  type DynamoDBClient,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-dynamodb';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import {
  makeLocalDynamoDbClients,
  type DynamoDbClients,
} from '../../src/composition/engines/dynamodb-clients';
import type { DynamoDbRetrySettings } from '../../src/composition/engines/dynamodb-retries';

/**
 * What a busy or flaky DynamoDB does to a call:
 * - `throttle`: refuses it with ProvisionedThroughputExceededException or ThrottlingException;
 * - `reset-before`: the connection drops before the request reaches the table (ECONNRESET);
 * - `reset-after`: the table applied the request, then the connection dropped before the answer
 *   came back (the retry then meets its own write: the case conditional writes must survive);
 * - `unprocessed`: BatchGetItem answers only some of the keys, the rest in UnprocessedKeys;
 * - `slow`: the answer comes late.
 */
export type FaultKind = 'throttle' | 'reset-before' | 'reset-after' | 'unprocessed' | 'slow';

export const ALL_FAULT_KINDS: readonly FaultKind[] = [
  'throttle',
  'reset-before',
  'reset-after',
  'unprocessed',
  'slow',
];

export interface FaultPlan {
  /** The share of calls (each attempt, retries included) that meets a fault, in [0, 1]. */
  readonly rate: number;
  readonly kinds: readonly FaultKind[];
  /** A seeded generator, so that a failing run can be replayed. */
  readonly random: () => number;
  /** The longest delay of a `slow` answer. */
  readonly slowMs?: number;
}

export interface FaultTally {
  /** Attempts that reached the fault injector (the SDK's retries count one each). */
  attempts: number;
  readonly injected: Record<FaultKind, number>;
}

type Output = Record<string, unknown>;

interface BatchGetOutput {
  Responses?: Record<string, Output[]>;
  UnprocessedKeys?: Record<string, { Keys?: Output[] }>;
}

/**
 * Adds faults to every call `client` (and the document clients made from it) sends. Errors are
 * raised below the SDK's retry middleware, shaped as the SDK's deserializer and HTTP handler
 * shape them, so that its retry strategy classifies and retries them as it would real ones.
 * Unprocessed keys are not errors: the SDK does not retry them, the caller must.
 */
export function injectDynamoDbFaults(client: DynamoDBClient, plan: FaultPlan): FaultTally {
  const tally: FaultTally = {
    attempts: 0,
    injected: { throttle: 0, 'reset-before': 0, 'reset-after': 0, unprocessed: 0, slow: 0 },
  };
  const pick = (applicable: readonly FaultKind[]): FaultKind | undefined => {
    if (applicable.length === 0 || plan.random() >= plan.rate) return undefined;
    const kind = applicable[Math.floor(plan.random() * applicable.length)];
    tally.injected[kind]++;
    return kind;
  };
  const networkKinds = plan.kinds.filter((kind) => kind !== 'unprocessed');

  const networkFaults: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> =
    (next, context) => async (args) => {
      tally.attempts++;
      const kind = pick(networkKinds);
      const metadata = { httpStatusCode: 400, requestId: 'injected-fault', attempts: 1 };
      switch (kind) {
        case 'throttle': {
          const ErrorClass =
            plan.random() < 0.5 ? ProvisionedThroughputExceededException : ThrottlingException;
          throw new ErrorClass({ message: `injected ${ErrorClass.name}`, $metadata: metadata });
        }
        case 'reset-before':
          throw connectionReset(String(context.commandName));
        case 'reset-after':
          await next(args);
          throw connectionReset(String(context.commandName));
        case 'slow':
          await new Promise((resolve) => setTimeout(resolve, plan.random() * (plan.slowMs ?? 50)));
          return next(args);
        default:
          return next(args);
      }
    };
  client.middlewareStack.addRelativeTo(networkFaults, {
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    name: 'injectDynamoDbFaults',
    override: true,
  });

  if (plan.kinds.includes('unprocessed')) {
    // Above the retries, where an answer is whole: leaving keys unprocessed is a success.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName !== 'BatchGetItemCommand') return result;
        if (pick(['unprocessed']) === undefined) return result;
        leaveSomeKeysUnprocessed(result.output as BatchGetOutput, plan.random);
        return result;
      },
      { step: 'initialize', name: 'injectUnprocessedKeys', override: true },
    );
  }
  return tally;
}

/** Moves a random share (possibly all) of each table's items into UnprocessedKeys. */
function leaveSomeKeysUnprocessed(output: BatchGetOutput, random: () => number): void {
  for (const [table, items] of Object.entries(output.Responses ?? {})) {
    const kept = items.slice(0, Math.floor(random() * items.length));
    const moved = items.slice(kept.length).map((item) => ({ index: item.index }));
    output.Responses = { ...output.Responses, [table]: kept };
    const already = output.UnprocessedKeys?.[table]?.Keys ?? [];
    output.UnprocessedKeys = {
      ...output.UnprocessedKeys,
      [table]: { ...output.UnprocessedKeys?.[table], Keys: [...already, ...moved] },
    };
  }
}

/** As Node's HTTP client reports a dropped connection; the SDK retries on its code. */
function connectionReset(command: string): Error {
  return Object.assign(new Error(`read ECONNRESET (injected into ${command})`), {
    code: 'ECONNRESET',
    errno: -104,
    syscall: 'read',
  });
}

/** mulberry32: a small seeded generator, enough to spread faults and replay a failing run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Clients for a local endpoint exactly as makeLocalDynamoDbClients makes them, with the retry
 * settings a composition root would give, and faults injected into every call.
 */
export function makeFaultyClients(
  endpoint: string,
  retry: DynamoDbRetrySettings,
  plan: FaultPlan,
): DynamoDbClients & { readonly tally: FaultTally } {
  const clients = makeLocalDynamoDbClients(endpoint, retry);
  return { ...clients, tally: injectDynamoDbFaults(clients.client, plan) };
}
