import type { Writable } from 'node:stream';

/**
 * Writes large text to a stream, waiting for 'drain' whenever the stream's buffer is full, so
 * memory holds one page at a time however many are written. A reader that goes away (EPIPE,
 * as in `primes list --max 1e9 | head`) ends the output quietly: write() then answers false.
 */
export class TextOutput {
  private closed = false;
  private readonly onError = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') this.failure = error;
    this.closed = true;
  };
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', this.onError);
  }

  /** False once the reader has gone: the caller should stop producing. */
  async write(text: string): Promise<boolean> {
    if (this.closed) return this.ended();
    if (text.length > 0 && !this.stream.write(text)) await this.drained();
    return this.ended();
  }

  dispose(): void {
    this.stream.off('error', this.onError);
  }

  private ended(): boolean {
    if (this.failure) throw this.failure;
    return !this.closed;
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', closed);
        resolve();
      };
      const closed = (): void => {
        this.closed = true;
        done();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', closed);
    });
  }
}
