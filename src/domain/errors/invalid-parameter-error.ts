import { ERROR_CODES } from '../../ports/error-codes';

/** A caller's mistake: names the parameter and the rule it broke. Never a server fault. */
export class InvalidParameterError extends Error {
  readonly code = ERROR_CODES.invalidParameter;
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field} ${rule}`);
    this.name = 'InvalidParameterError';
  }
}
