/**
 * A WebAssembly instance of the sieve's kernels with its own memory, laid out as: the
 * wheel's tables, one segment, the pre-sieve patterns after the first, then room for an
 * engine's per-prime state. Making one costs about as much as sieving a few segments (the
 * patterns are copied in), so finished engines hand theirs back to a small pool.
 */
import { PATTERN_SLACK, preSievePatterns } from './pre-sieve';
import { SEGMENT_BYTES } from './segment-size';
import {
  TABLES_BYTES,
  instantiateKernels,
  type SieveKernels,
  type WasmMemory,
} from './wasm-kernels';

const POOL_LIMIT = 4;
const pool: SieveWorkspace[] = [];

export const SEGMENT_AT = TABLES_BYTES;
const SEGMENT_ROOM = SEGMENT_BYTES + PATTERN_SLACK;

export class SieveWorkspace {
  readonly kernels: SieveKernels;
  /** Address and period of each pattern after the first. */
  readonly patternAddresses: readonly number[];
  readonly patternPeriods: readonly number[];
  /** First address free for an engine's state. */
  readonly stateAt: number;
  private readonly memory: WasmMemory;

  /** A pooled workspace, or a new one, with at least `stateBytes` free from stateAt. */
  static acquire(stateBytes: number): SieveWorkspace {
    const workspace = pool.pop() ?? new SieveWorkspace();
    const missing = workspace.stateAt + stateBytes - workspace.memory.buffer.byteLength;
    if (missing > 0) workspace.memory.grow(Math.ceil(missing / 65536));
    return workspace;
  }

  private constructor() {
    const patterns = preSievePatterns(SEGMENT_BYTES).slice(1);
    const addresses: number[] = [];
    let top = SEGMENT_AT + SEGMENT_ROOM;
    for (const pattern of patterns) {
      addresses.push(top);
      top += align(pattern.bytes.length);
    }
    const { kernels, memory } = instantiateKernels(top);
    const heap = new Uint8Array(memory.buffer);
    patterns.forEach((pattern, k) => heap.set(pattern.bytes, addresses[k]));
    this.kernels = kernels;
    this.memory = memory;
    this.patternAddresses = addresses;
    this.patternPeriods = patterns.map((pattern) => pattern.period);
    this.stateAt = top;
  }

  /** The memory; views of it must be made after acquire (growing replaces the buffer). */
  get buffer(): ArrayBuffer {
    return this.memory.buffer;
  }

  /** Hands the workspace back; its user must not touch it afterwards. */
  release(): void {
    if (pool.length < POOL_LIMIT && !pool.includes(this)) pool.push(this);
  }
}

export function align(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}
