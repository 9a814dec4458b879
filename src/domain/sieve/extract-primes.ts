/** Turning a sieved segment's set bits back into the numbers they stand for. */
import { WORD_BIT_VALUE } from './wheel';

// A module constant, read once: the global Math, looked up for every prime, is cheap in Node
// but slow in a vm context such as jest's, where it made this loop about 70 times slower.
const { clz32 } = Math;

/**
 * Writes the numbers of the set bits of words[0, count) into out from index `at`, in
 * ascending order; word 0 starts at global byte `byteStart`. Returns the index after the last.
 */
export function extractPrimes(
  words: Uint32Array,
  count: number,
  byteStart: number,
  out: Float64Array,
  at: number,
): number {
  const bitValue = WORD_BIT_VALUE;
  let n = at;
  const base = 30 * byteStart;
  for (let w = 0; w < count; w++) {
    let x = words[w] | 0;
    if (x === 0) continue;
    const wordBase = base + 120 * w;
    do {
      out[n++] = wordBase + bitValue[31 - clz32(x & -x)];
      x &= x - 1;
    } while (x !== 0);
  }
  return n;
}
