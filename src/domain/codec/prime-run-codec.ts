/**
 * A compact codec for a run of consecutive primes: the first prime, then the gaps between
 * neighbours, all as unsigned LEB128 varints. Gaps between odd primes are even, so they are
 * stored halved; the one odd gap (2 -> 3) is stored as 0, a value no halved gap can take.
 * Up to about 1e11 nearly every halved gap is below 128: one byte per prime.
 *
 * Arithmetic is done with multiplication, not bit shifts, because values reach 2^53 and
 * JavaScript's shifts work on 32 bits.
 */
import { MalformedPrimeRunError } from './malformed-prime-run-error';

const CONTINUATION = 0x80;
const PAYLOAD = 0x7f;
// Prime gaps below 2^64 stay under 1,600; a halved gap this large means the run is not consecutive.
const MAX_HALVED_GAP = 2 ** 21;

/**
 * Throws MalformedPrimeRunError unless `primes` is a run the codec can hold: ascending, with
 * even gaps after 2 (the one gap of 1 is 2 -> 3) of a size prime gaps below 2^64 take. Every
 * store refuses such a run before it writes anything, whether or not it must encode it.
 */
export function checkPrimeRun(primes: Float64Array): void {
  let previous = primes[0];
  for (let i = 1; i < primes.length; i++) {
    const prime = primes[i];
    const half = (prime - previous) / 2;
    const fits = half >= 1 && half < MAX_HALVED_GAP && Math.floor(half) === half;
    if (!fits && !(previous === 2 && prime === 3)) {
      throw new MalformedPrimeRunError(`${prime} cannot follow ${previous}`);
    }
    previous = prime;
  }
}

export function encodePrimeRun(primes: Float64Array): Uint8Array {
  if (primes.length === 0) return new Uint8Array(0);
  // Upper bound: 8 bytes for the first prime, at most 3 bytes per gap; trimmed below.
  const bytes = new Uint8Array(8 + (primes.length - 1) * 3);
  let length = writeVarint(bytes, 0, primes[0]);
  let previous = primes[0];
  for (let i = 1; i < primes.length; i++) {
    const prime = primes[i];
    const half = (prime - previous) / 2;
    // The common case, one byte: an even gap below 256. `| 0` keeps only whole halves.
    if (half >= 1 && half < CONTINUATION && (half | 0) === half) {
      bytes[length++] = half;
    } else if (previous === 2 && prime === 3) {
      bytes[length++] = 0;
    } else if (half >= 1 && half < MAX_HALVED_GAP && Math.floor(half) === half) {
      length = writeVarint(bytes, length, half);
    } else {
      throw new MalformedPrimeRunError(`${prime} cannot follow ${previous}`);
    }
    previous = prime;
  }
  return bytes.slice(0, length);
}

/** Decodes exactly `count` primes from `bytes`, or throws MalformedPrimeRunError. */
export function decodePrimeRun(bytes: Uint8Array, count: number): Float64Array {
  const primes = new Float64Array(count);
  let offset = 0;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const byte = bytes[offset];
    // The common case, one byte holding a halved gap. Past the end `byte` is undefined, fails
    // this test, and the varint loop below reports the bytes as ending early.
    if (i > 0 && byte > 0 && byte < CONTINUATION) {
      offset++;
      previous += byte * 2;
      primes[i] = previous;
      continue;
    }
    let value = 0;
    let scale = 1;
    let next: number;
    do {
      if (offset >= bytes.length) {
        throw new MalformedPrimeRunError(`ends after ${i} of ${count} primes`);
      }
      next = bytes[offset++];
      value += (next & PAYLOAD) * scale;
      scale *= 128;
    } while (next & CONTINUATION);
    if (i === 0) previous = value;
    else if (value === 0 && previous === 2) previous = 3;
    else if (value === 0) throw new MalformedPrimeRunError(`a zero gap after ${previous}`);
    else previous += value * 2;
    primes[i] = previous;
  }
  if (offset !== bytes.length) {
    throw new MalformedPrimeRunError(`${bytes.length - offset} bytes left after ${count} primes`);
  }
  if (!Number.isSafeInteger(previous)) {
    throw new MalformedPrimeRunError('a prime beyond 2^53');
  }
  return primes;
}

function writeVarint(bytes: Uint8Array, offset: number, value: number): number {
  let rest = value;
  while (rest >= CONTINUATION) {
    bytes[offset++] = (rest % CONTINUATION) | CONTINUATION;
    rest = Math.floor(rest / CONTINUATION);
  }
  bytes[offset++] = rest;
  return offset;
}
