/**
 * The error a direct invoke fails with. Lambda reports `name` as errorType and `message` as
 * errorMessage, so the name is the same stable code the HTTP API puts in its error bodies,
 * and the message names the field or the progress made.
 */
export class DirectInvokeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
    // The runtime sends the stack to the caller as `trace`; a caller's mistake or a deadline
    // needs no map of our bundle's files.
    this.stack = `${code}: ${message}`;
  }
}
