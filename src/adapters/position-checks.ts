/** Argument checks every PrimeRepository adapter applies to positions before touching its store. */
export function assertPosition(position: number): void {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`a position must be a whole number >= 0, got ${position}`);
  }
}

export function assertPositionRange(fromPosition: number, toPosition: number): void {
  assertPosition(fromPosition);
  assertPosition(toPosition);
  if (fromPosition > toPosition) {
    throw new RangeError(`position range [${fromPosition}, ${toPosition}) is reversed`);
  }
}
