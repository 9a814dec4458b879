import { Writable } from 'node:stream';

/** A stream that keeps what is written; `slow` answers each write a tick later, as a pipe. */
export class CapturedStream extends Writable {
  text = '';
  writes = 0;

  constructor(
    readonly isTTY = false,
    private readonly slow = false,
  ) {
    super({ highWaterMark: 1_024, decodeStrings: false });
  }

  override _write(chunk: unknown, _encoding: string, done: (error?: Error | null) => void): void {
    this.text += String(chunk);
    this.writes++;
    if (this.slow) setImmediate(done);
    else done();
  }

  lines(): string[] {
    return this.text.split('\n').filter((line) => line !== '');
  }
}

/** A reader that leaves after its first chunk, as `head` does: the next write fails with EPIPE. */
export class ClosingPipe extends Writable {
  text = '';

  override _write(chunk: unknown, _encoding: string, done: (error?: Error | null) => void): void {
    if (this.text) {
      done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      return;
    }
    this.text += String(chunk);
    done();
  }
}
