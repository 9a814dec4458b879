/** A caller's mistake: names the parameter and the rule it broke. Never a server fault. */
export class InvalidParameterError extends Error {
  readonly code = 'INVALID_PARAMETER';
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field} ${rule}`);
    this.name = 'InvalidParameterError';
  }
}
