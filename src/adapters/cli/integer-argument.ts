import { InvalidArgumentError } from 'commander';
import { readStrictInteger } from '../strict-integer';

/**
 * A commander argument parser with the HTTP API's integer rules, so that `primes list --max 1e6`
 * is refused as a usage error exactly as `GET /primes?max=1e6` is refused with a 400.
 */
export function integerArgument(min = 0, max = Number.MAX_SAFE_INTEGER) {
  return (text: string): number => {
    const result = readStrictInteger(text);
    if (!result.ok) throw new InvalidArgumentError(result.rule);
    if (result.value < min) throw new InvalidArgumentError(`must be at least ${min}`);
    if (result.value > max) throw new InvalidArgumentError(`must be at most ${max}`);
    return result.value;
  };
}
