/**
 * The meta item, index -1: a hint of how far the contiguous prefix reaches (it only grows, and
 * the chunks after it are checked), plus the layout every chunk of the table was written with.
 */
export const META_INDEX = -1;
export const FORMAT_VERSION = 1;

export interface MetaItem {
  readonly index: typeof META_INDEX;
  /** The chunks hold at least the primes at positions [0, count). */
  readonly count: number;
  /** The prime at position count - 1, or 0. */
  readonly last: number;
  readonly chunkCapacity: number;
  readonly formatVersion: number;
}

export function emptyMetaItem(chunkCapacity: number): MetaItem {
  return { index: META_INDEX, count: 0, last: 0, chunkCapacity, formatVersion: FORMAT_VERSION };
}

/** Reads a stored meta item, or undefined when its attributes are not what this code writes. */
export function parseMetaItem(item: Record<string, unknown>): MetaItem | undefined {
  const { count, last, chunkCapacity, formatVersion } = item;
  if (
    typeof count !== 'number' ||
    typeof last !== 'number' ||
    typeof chunkCapacity !== 'number' ||
    typeof formatVersion !== 'number'
  ) {
    return undefined;
  }
  return { index: META_INDEX, count, last, chunkCapacity, formatVersion };
}
