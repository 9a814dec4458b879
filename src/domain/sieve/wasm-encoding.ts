/**
 * Just enough of the WebAssembly binary format to write the sieve's and the prime count's
 * kernels in this repository, as TypeScript, with no toolchain: LEB128 numbers, the
 * module's sections, and one helper per instruction used. Helpers return byte arrays and
 * take their operands first (folded, like the text format's s-expressions), so kernels
 * read top-down. The plain helpers (add, load32, ...) are i32; the 64-bit ones live in
 * `int64`, because the prime count divides and sums values past 2^32.
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
  return signedLeb64(BigInt(value | 0));
}

/** Signed LEB128 of any 64-bit constant (i64.const takes its operand this way). */
export function signedLeb64(value: bigint): Code {
  const out: Code = [];
  let v = BigInt.asIntN(64, value);
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const I32 = 0x7f;
const I64 = 0x7e;
export const valueType = { i32: I32, i64: I64 } as const;
export type ValueType = (typeof valueType)[keyof typeof valueType];

const seq = (...parts: (Code | number)[]): Code => parts.flat();

// Control. Blocks have no result; `depth` counts enclosing blocks outward from 0.
export const block = (...body: Code[]): Code => seq(0x02, 0x40, ...body, 0x0b);
export const loop = (...body: Code[]): Code => seq(0x03, 0x40, ...body, 0x0b);
export const when = (condition: Code, ...body: Code[]): Code =>
  seq(condition, 0x04, 0x40, ...body, 0x0b);
export const br = (depth: number): Code => seq(0x0c, unsignedLeb(depth));
export const brIf = (depth: number, condition: Code): Code =>
  seq(condition, 0x0d, unsignedLeb(depth));
export const ifElse = (condition: Code, then: Code[], otherwise: Code[]): Code =>
  seq(condition, 0x04, 0x40, ...then, 0x05, ...otherwise, 0x0b);
/** Returns from the function with the given results on the stack. */
export const ret = (...results: Code[]): Code => seq(...results, 0x0f);
export const call = (index: number, ...args: Code[]): Code =>
  seq(...args, 0x10, unsignedLeb(index));

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
const unary =
  (...opcodes: number[]) =>
  (a: Code): Code =>
    seq(a, ...opcodes);
export const eqz = unary(0x45);
export const eq = binary(0x46);
export const ne = binary(0x47);
export const ltS = binary(0x48);
export const ltU = binary(0x49);
export const gtS = binary(0x4a);
export const gtU = binary(0x4b);
export const leS = binary(0x4c);
export const leU = binary(0x4d);
export const geS = binary(0x4e);
export const geU = binary(0x4f);
export const add = binary(0x6a);
export const sub = binary(0x6b);
export const mul = binary(0x6c);
export const divU = binary(0x6e);
export const remU = binary(0x70);
export const and = binary(0x71);
export const or = binary(0x72);
export const xor = binary(0x73);
export const shl = binary(0x74);
export const shrU = binary(0x76);
/** The condition is an i32; both operands have the same type, either i32 or i64. */
export const select = (ifTrue: Code, ifFalse: Code, condition: Code): Code =>
  seq(ifTrue, ifFalse, condition, 0x1b);

/**
 * i64 arithmetic, comparisons (their results are i32), conversions and memory. Values the
 * prime count keeps are below 2^63, so signed and unsigned forms agree on them; the unsigned
 * ones are used where a caller could pass a value past 2^63 (primality up to 2^64 - 1).
 */
export const int64 = {
  const: (value: bigint): Code => seq(0x42, signedLeb64(value)),
  eqz: unary(0x50),
  eq: binary(0x51),
  ne: binary(0x52),
  ltS: binary(0x53),
  ltU: binary(0x54),
  gtS: binary(0x55),
  gtU: binary(0x56),
  leS: binary(0x57),
  leU: binary(0x58),
  geS: binary(0x59),
  geU: binary(0x5a),
  popcnt: unary(0x7b),
  add: binary(0x7c),
  sub: binary(0x7d),
  mul: binary(0x7e),
  divU: binary(0x80),
  remU: binary(0x82),
  and: binary(0x83),
  or: binary(0x84),
  xor: binary(0x85),
  shl: binary(0x86),
  shrS: binary(0x87),
  shrU: binary(0x88),
  /** i32 -> i64, zero-extended. */
  fromU32: unary(0xad),
  /** i32 -> i64, sign-extended. */
  fromS32: unary(0xac),
  /** i64 -> i32, the low 32 bits. */
  low32: unary(0xa7),
  load: (address: Code, offset = 0): Code => seq(address, 0x29, 3, unsignedLeb(offset)),
  store: (address: Code, value: Code, offset = 0): Code =>
    seq(address, value, 0x37, 3, unsignedLeb(offset)),
} as const;

// Memory; `offset` is the constant address added to the dynamic one.
export const load8 = (address: Code, offset = 0): Code =>
  seq(address, 0x2d, 0, unsignedLeb(offset));
export const load32 = (address: Code, offset = 0): Code =>
  seq(address, 0x28, 2, unsignedLeb(offset));
export const store8 = (address: Code, value: Code, offset = 0): Code =>
  seq(address, value, 0x3a, 0, unsignedLeb(offset));
export const store32 = (address: Code, value: Code, offset = 0): Code =>
  seq(address, value, 0x36, 2, unsignedLeb(offset));
// 16-bit loads (zero-extended) and stores, aligned to 2 bytes.
export const load16 = (address: Code, offset = 0): Code =>
  seq(address, 0x2f, 1, unsignedLeb(offset));
export const store16 = (address: Code, value: Code, offset = 0): Code =>
  seq(address, value, 0x3b, 1, unsignedLeb(offset));
/** The memory's size in 64 KiB pages. */
export const memorySize = (): Code => [0x3f, 0x00];
/** Grows the memory by `pages` pages; the old size in pages, or -1 if it cannot grow. */
export const memoryGrow = (pages: Code): Code => seq(pages, 0x40, 0x00);
/** Traps: the call ends with a RuntimeError in JavaScript. */
export const unreachable = (): Code => [0x00];
// i64 loads feed popcounts; the results come back to i32.
export const popcount64 = (address: Code, offset = 0): Code =>
  seq(address, 0x29, 3, unsignedLeb(offset), 0x7b, 0xa7);
// Bulk memory: copy `length` bytes from `source` to `destination` (the ranges may overlap).
export const memoryCopy = (destination: Code, source: Code, length: Code): Code =>
  seq(destination, source, length, 0xfc, 0x0a, 0x00, 0x00);
// 128-bit SIMD: unaligned load, and, store.
export const v128Load = (address: Code): Code => seq(address, 0xfd, 0x00, 4, 0);
export const v128Store = (address: Code, value: Code): Code =>
  seq(address, value, 0xfd, 0x0b, 4, 0);
export const v128And = (a: Code, b: Code): Code => seq(a, b, 0xfd, 0x4e);

export interface FunctionDefinition {
  readonly name: string;
  /** A count means that many i32s (all of the sieve's values are i32); else the types in order. */
  readonly params: number | readonly ValueType[];
  /** Locals after the parameters, as for params. */
  readonly locals: number | readonly ValueType[];
  readonly results: number | readonly ValueType[];
  readonly body: Code;
}

const typesOf = (spec: number | readonly ValueType[]): readonly ValueType[] =>
  typeof spec === 'number' ? Array.from({ length: spec }, () => I32) : spec;

/** Locals are declared as runs of one type. */
function localDeclarations(types: readonly ValueType[]): Code {
  const runs: Code[] = [];
  for (let i = 0; i < types.length;) {
    let j = i;
    while (j < types.length && types[j] === types[i]) j++;
    runs.push(seq(unsignedLeb(j - i), types[i]));
    i = j;
  }
  return vector(runs);
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
      vector(typesOf(f.params).map((t) => [t])),
      vector(typesOf(f.results).map((t) => [t])),
    ),
  );
  const bodies = functions.map((f) => {
    const content = seq(localDeclarations(typesOf(f.locals)), f.body, 0x0b);
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
