import { stopAtDeadline } from '../../src/domain/use-cases/deadline-watch';
import { ManualClock } from '../support/manual-clock';

describe('stopAtDeadline', () => {
  it('tells a computation to stop from the deadline itself on, not a tick later', () => {
    const clock = new ManualClock();
    const shouldStop = stopAtDeadline(clock, clock.now() + 10, 'the count');
    clock.advance(9);
    expect(shouldStop()).toBe(false);
    clock.advance(1);
    expect(shouldStop()).toBe(true);
  });

  it('refuses to start at the deadline, naming what it would have computed', () => {
    const clock = new ManualClock();
    expect(() => stopAtDeadline(clock, clock.now(), 'the 10-th prime')).toThrow(
      expect.objectContaining({
        code: 'DEADLINE_REACHED',
        message: expect.stringContaining('before the 10-th prime was computed'),
      }),
    );
  });
});
