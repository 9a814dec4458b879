import type { PrimeComputationName } from '../../domain/computations/prime-computations';

/**
 * What crosses between the service's thread and a computation worker. Bigints and
 * BigUint64Arrays survive the structured clone exactly. `stop` is a shared Int32Array of one
 * element: the service's thread sets it to 1 when the caller's deadline passes, and the
 * worker's `shouldStop` reads it, so a stop needs no message the busy worker could not read.
 */
export interface ComputationRequest {
  readonly id: number;
  readonly name: PrimeComputationName;
  readonly args: readonly unknown[];
  readonly stop: Int32Array;
}

export type ComputationReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly name: string; readonly message: string; readonly code?: string };
    };
