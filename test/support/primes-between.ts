import { isPrimeByTrialDivision } from './prime-fixtures';

/** Every prime in [from, to], inclusive as the HTTP API's ranges, by plain trial division. */
export function primesBetween(from: number, to: number): number[] {
  const primes: number[] = [];
  for (let n = Math.max(2, from); n <= to; n++) if (isPrimeByTrialDivision(n)) primes.push(n);
  return primes;
}
