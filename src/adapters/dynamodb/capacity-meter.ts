import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import type { CapacityUsage } from '../../ports/prime-repository';

/** Sums the capacity units DynamoDB reports for every call, so cost is measured, not guessed. */
export class CapacityMeter {
  private readUnits = 0;
  private writeUnits = 0;

  read(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
    this.readUnits += unitsOf(consumed);
  }

  write(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
    this.writeUnits += unitsOf(consumed);
  }

  /**
   * A refused conditional write is billed too, but the error carries no ConsumedCapacity: count
   * what DynamoDB bills, 1 unit per KB (rounded up) of the item, from the item we sent. The item
   * already stored is at least as large, so this is a slight underestimate.
   */
  refusedWrite(itemBytes: number): void {
    this.writeUnits += Math.max(1, Math.ceil(itemBytes / 1024));
  }

  usage(): CapacityUsage {
    return { readUnits: this.readUnits, writeUnits: this.writeUnits };
  }
}

function unitsOf(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): number {
  if (consumed === undefined) return 0;
  const all = Array.isArray(consumed) ? consumed : [consumed];
  return all.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
}
