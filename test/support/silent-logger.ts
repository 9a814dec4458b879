import type { Logger } from '../../src/ports/logger';

/** For tests that do not look at the log. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
