/** Wall-clock time in milliseconds since the epoch; deadlines are compared against it. */
export interface Clock {
  now(): number;
}
