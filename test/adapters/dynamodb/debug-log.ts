import type { Logger } from '../../../src/ports/logger';

export interface DebugEntry {
  readonly fields: object;
  readonly message: string;
}

/** A logger that keeps its debug entries, where the adapter says what it retried and why. */
export function debugLogger(): Logger & { readonly entries: DebugEntry[] } {
  const entries: DebugEntry[] = [];
  return {
    entries,
    debug(fields, message) {
      entries.push({ fields, message });
    },
    info() {},
    warn() {},
    error() {},
  };
}
