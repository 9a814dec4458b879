import { InvalidArgumentError } from 'commander';
import { readStrictInteger } from '../strict-integer';

/**
 * A commander argument parser with the HTTP API's integer rules, so that `primes list --max 1e6`
 * is refused as a usage error exactly as `GET /primes?max=1e6` is refused with a 400. Commander
 * hands the option's previous value as `previous`: an option given twice (`--max 5 --max 7`) is
 * refused as `?max=5&max=7` is, rather than silently keeping the last. (So options parsed with
 * it take no commander default, which would arrive as `previous` on the first use.)
 */
export function integerArgument(min = 0, max = Number.MAX_SAFE_INTEGER) {
  return (text: string, previous: number | undefined): number => {
    if (previous !== undefined) throw new InvalidArgumentError('must be given once, not repeated');
    const result = readStrictInteger(text);
    if (!result.ok) throw new InvalidArgumentError(result.rule);
    if (result.value < min) throw new InvalidArgumentError(`must be at least ${min}`);
    if (result.value > max) throw new InvalidArgumentError(`must be at most ${max}`);
    return result.value;
  };
}

const U64_MAX = (1n << 64n) - 1n;

/**
 * The same strict decimal syntax for values up to 2^64 - 1, read as a bigint so that nothing
 * past 2^53 is rounded on its way in.
 */
export function bigIntegerArgument() {
  return (text: string, previous: bigint | undefined): bigint => {
    if (previous !== undefined) throw new InvalidArgumentError('must be given once, not repeated');
    if (!/^(?:0|[1-9][0-9]*)$/.test(text)) {
      const rule = readStrictInteger(text);
      throw new InvalidArgumentError(rule.ok ? 'must be a decimal integer' : rule.rule);
    }
    const value = BigInt(text);
    if (value > U64_MAX) throw new InvalidArgumentError(`must be at most ${U64_MAX} (2^64 - 1)`);
    return value;
  };
}
