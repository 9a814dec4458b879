import { InvalidParameterError } from '../errors/invalid-parameter-error';
import type { PrimeLimits } from './prime-limits';
import { requireWholeNumber } from './whole-number';

/** Inclusive bounds on prime values, checked when made: a range with from > to cannot exist. */
export class ValueRange {
  private constructor(
    readonly from: number,
    readonly to: number,
  ) {}

  static of(from: number, to: number, limits: PrimeLimits): ValueRange {
    requireWholeNumber('from', from, 0, limits.maxValue);
    requireWholeNumber('to', to, 0, limits.maxValue);
    if (from > to) throw new InvalidParameterError('from', `must not exceed to (${to})`);
    return new ValueRange(from, to);
  }
}
