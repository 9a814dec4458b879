/**
 * Just enough of the WebAssembly binary format to write the sieve's kernels in this
 * repository, as TypeScript, with no toolchain: LEB128 numbers, the module's sections, and
 * one helper per instruction used. Helpers return byte arrays and take their operands
 * first (folded, like the text format's s-expressions), so kernels read top-down.
 */
export type Code = number[];

export function unsignedLeb(value: number): Code {
  const out: Code = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

export function signedLeb(value: number): Code {
  const out: Code = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const I32 = 0x7f;
const I64 = 0x7e;
export const valueType = { i32: I32, i64: I64 } as const;

const seq = (...parts: (Code | number)[]): Code => parts.flat();

// Control. Blocks have no result; `depth` counts enclosing blocks outward from 0.
export const block = (...body: Code[]): Code => seq(0x02, 0x40, ...body, 0x0b);
export const loop = (...body: Code[]): Code => seq(0x03, 0x40, ...body, 0x0b);
export const when = (condition: Code, ...body: Code[]): Code =>
  seq(condition, 0x04, 0x40, ...body, 0x0b);
export const br = (depth: number): Code => seq(0x0c, unsignedLeb(depth));
export const brIf = (depth: number, condition: Code): Code =>
  seq(condition, 0x0d, unsignedLeb(depth));

// Locals and constants.
export const get = (local: number): Code => seq(0x20, unsignedLeb(local));
export const set = (local: number, value: Code): Code => seq(value, 0x21, unsignedLeb(local));
export const tee = (local: number, value: Code): Code => seq(value, 0x22, unsignedLeb(local));
export const i32 = (value: number): Code => seq(0x41, signedLeb(value));

// i32 arithmetic and comparisons.
const binary =
  (opcode: number) =>
  (a: Code, b: Code): Code =>
    seq(a, b, opcode);
export const eqz = (a: Code): Code => seq(a, 0x45);
export const ne = binary(0x47);
export const ltS = binary(0x48);
export const ltU = binary(0x49);
export const geS = binary(0x4e);
export const geU = binary(0x4f);
export const add = binary(0x6a);
export const sub = binary(0x6b);
export const mul = binary(0x6c);
export const divU = binary(0x6e);
export const and = binary(0x71);
export const or = binary(0x72);
export const shrU = binary(0x76);

// Memory; `offset` is the constant address added to the dynamic one.
export const load8 = (address: Code, offset = 0): Code =>
  seq(address, 0x2d, 0, unsignedLeb(offset));
export const load32 = (address: Code, offset = 0): Code =>
  seq(address, 0x28, 2, unsignedLeb(offset));
export const store8 = (address: Code, value: Code, offset = 0): Code =>
  seq(address, value, 0x3a, 0, unsignedLeb(offset));
export const store32 = (address: Code, value: Code, offset = 0): Code =>
  seq(address, value, 0x36, 2, unsignedLeb(offset));
// i64 loads feed popcounts; the results come back to i32.
export const popcount64 = (address: Code, offset = 0): Code =>
  seq(address, 0x29, 3, unsignedLeb(offset), 0x7b, 0xa7);
// 128-bit SIMD: unaligned load, and, store.
export const v128Load = (address: Code): Code => seq(address, 0xfd, 0x00, 4, 0);
export const v128Store = (address: Code, value: Code): Code =>
  seq(address, value, 0xfd, 0x0b, 4, 0);
export const v128And = (a: Code, b: Code): Code => seq(a, b, 0xfd, 0x4e);

export interface FunctionDefinition {
  readonly name: string;
  readonly params: number;
  /** Extra i32 locals after the parameters (all of the kernels' values are i32). */
  readonly locals: number;
  readonly results: number;
  readonly body: Code;
}

const section = (id: number, content: Code): Code => seq(id, unsignedLeb(content.length), content);
const vector = (items: Code[]): Code => seq(unsignedLeb(items.length), ...items);
const name = (text: string): Code =>
  seq(
    unsignedLeb(text.length),
    [...text].map((c) => c.charCodeAt(0)),
  );

/** A module importing its memory as env.memory and exporting the functions by name. */
export function encodeModule(functions: readonly FunctionDefinition[]): Uint8Array {
  const types = functions.map((f) =>
    seq(
      0x60,
      vector(Array.from({ length: f.params }, () => [I32])),
      vector(Array.from({ length: f.results }, () => [I32])),
    ),
  );
  const bodies = functions.map((f) => {
    const content = seq(f.locals > 0 ? [1, ...unsignedLeb(f.locals), I32] : [0], f.body, 0x0b);
    return seq(unsignedLeb(content.length), content);
  });
  return new Uint8Array(
    seq(
      [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      section(1, vector(types)),
      section(2, vector([seq(name('env'), name('memory'), 0x02, 0x00, 0x01)])),
      section(3, vector(functions.map((_, index) => unsignedLeb(index)))),
      section(7, vector(functions.map((f, index) => seq(name(f.name), 0x00, unsignedLeb(index))))),
      section(10, vector(bodies)),
    ),
  );
}
