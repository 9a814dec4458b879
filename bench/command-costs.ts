import type { ConsumedCapacity, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { chunkKeysOf, type RecordedCommand } from '../test/adapters/dynamodb/command-recorder';

/** One DynamoDB call as billed: which chunk keys it touched and the units DynamoDB reported. */
export interface CommandCost {
  readonly name: string;
  readonly chunkKeys: readonly number[];
  readonly units: number;
}

export interface CommandCostLog {
  /** Calls answered since the log was made (or last cleared), in the order they were answered. */
  readonly commands: readonly CommandCost[];
  clear(): void;
}

/**
 * Records every call `client` (and the document clients made from it) sends: its name and input
 * as the tests' command recorder records them (chunk keys by its chunkKeysOf), plus the
 * ConsumedCapacity of its answer as DynamoDB (here dynalite) reports it. One middleware records
 * both, so concurrent calls cannot mix up whose units are whose. A refused conditional write
 * answers with an error and no units.
 */
export function logCommandCosts(client: DynamoDBClient): CommandCostLog {
  let commands: CommandCost[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command: RecordedCommand = {
        name: String(context.commandName).replace(/Command$/, ''),
        input: args.input as Record<string, unknown>,
      };
      const log = commands;
      const record = (units: number) =>
        log.push({ name: command.name, chunkKeys: chunkKeysOf(command), units });
      try {
        const result = await next(args);
        const output = result.output as {
          ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[];
        };
        record(unitsOf(output.ConsumedCapacity));
        return result;
      } catch (error) {
        record(0);
        throw error;
      }
    },
    { step: 'initialize', name: 'logCommandCosts' },
  );
  return {
    get commands() {
      return commands;
    },
    clear() {
      commands = [];
    },
  };
}

/** What a run of calls cost: chunk keys read and written, and units by kind. */
export interface CostSummary {
  readonly calls: number;
  readonly chunkReads: number;
  readonly chunkWrites: number;
  readonly readUnits: number;
  readonly writeUnits: number;
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan']);

export function summarizeCosts(commands: readonly CommandCost[]): CostSummary {
  let chunkReads = 0;
  let chunkWrites = 0;
  let readUnits = 0;
  let writeUnits = 0;
  for (const command of commands) {
    const read = READS.has(command.name);
    if (read) {
      chunkReads += command.chunkKeys.length;
      readUnits += command.units;
    } else {
      chunkWrites += command.chunkKeys.length;
      writeUnits += command.units;
    }
  }
  return { calls: commands.length, chunkReads, chunkWrites, readUnits, writeUnits };
}

function unitsOf(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): number {
  const all = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
  return all.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
}
