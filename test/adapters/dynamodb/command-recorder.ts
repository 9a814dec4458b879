import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface RecordedCommand {
  readonly name: string;
  readonly input: Record<string, unknown>;
}

/**
 * Records every command sent through `client` (and the document clients made from it), with its
 * input as the repository wrote it, before the document client marshalls it.
 */
export function recordCommands(client: DynamoDBClient): RecordedCommand[] {
  const recorded: RecordedCommand[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      recorded.push({
        name: String(context.commandName).replace(/Command$/, ''),
        input: args.input as Record<string, unknown>,
      });
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  return recorded;
}

/** The chunk indexes (not the meta item) a recorded read or write touched. */
export function chunkKeysOf(command: RecordedCommand): number[] {
  const input = command.input as {
    Key?: { index: number };
    Item?: { index: number };
    RequestItems?: Record<string, { Keys: { index: number }[] }>;
  };
  const keys = [
    ...(input.Key ? [input.Key.index] : []),
    ...(input.Item ? [input.Item.index] : []),
    ...Object.values(input.RequestItems ?? {}).flatMap((request) =>
      request.Keys.map((key) => key.index),
    ),
  ];
  return keys.filter((index) => index >= 0);
}
