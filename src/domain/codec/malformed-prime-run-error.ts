export class MalformedPrimeRunError extends Error {
  readonly code = 'MALFORMED_PRIME_RUN';
  constructor(reason: string) {
    super(`malformed prime run: ${reason}`);
    this.name = 'MalformedPrimeRunError';
  }
}
