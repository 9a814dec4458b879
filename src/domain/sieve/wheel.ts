/**
 * The modulo-30 wheel the sieve packs its bits with: byte i of a sieve array stands for the
 * eight numbers 30 * i + RESIDUES[b] (b = 0..7, bit b), the only ones coprime to 2, 3 and 5.
 *
 * A sieving prime p = 30q + r crosses off p * m for the multipliers m = 30k + RESIDUES[j].
 * That multiple lies in byte p*k + q*RESIDUES[j] + floor(r * RESIDUES[j] / 30), at the bit of
 * (r * RESIDUES[j]) mod 30. So the step from one multiple to the next is q * (gap between
 * multipliers) plus a small correction that depends only on (r, j): 64 cases, tabled here and
 * indexed by `rj = 8 * (index of r) + j`.
 */
export const RESIDUES: readonly number[] = [1, 7, 11, 13, 17, 19, 23, 29];

/** The bit of each residue mod 30, or -1 for numbers sharing a factor with 30. */
export const BIT_OF_RESIDUE: Int8Array = new Int8Array(30).fill(-1);
for (let b = 0; b < 8; b++) BIT_OF_RESIDUE[RESIDUES[b]] = b;

/** Byte mask that clears the bit of multiple j of a prime of class r. */
export const CLEAR_MASK = new Uint8Array(64);
/** floor(r * RESIDUES[j] / 30): the carry of multiple j into the byte index. */
export const CARRY = new Uint8Array(64);
/** Multiplier gap from RESIDUES[j] to the next multiplier coprime to 30. */
export const STEP_Q = new Uint8Array(64);
/** Carry difference for that step; the byte step is q * STEP_Q[rj] + STEP_C[rj]. */
export const STEP_C = new Uint8Array(64);
/** The rj of the next multiple: same class r, next j (wrapping to the next turn). */
export const NEXT_RJ = new Uint8Array(64);

for (let ri = 0; ri < 8; ri++) {
  const r = RESIDUES[ri];
  for (let j = 0; j < 8; j++) {
    const rj = ri * 8 + j;
    const product = r * RESIDUES[j];
    CLEAR_MASK[rj] = ~(1 << BIT_OF_RESIDUE[product % 30]) & 0xff;
    CARRY[rj] = Math.floor(product / 30);
    const nextMultiplier = j === 7 ? 31 : RESIDUES[j + 1];
    STEP_Q[rj] = nextMultiplier - RESIDUES[j];
    STEP_C[rj] = Math.floor((r * nextMultiplier) / 30) - CARRY[rj];
    NEXT_RJ[rj] = ri * 8 + ((j + 1) & 7);
  }
}

/**
 * For m mod 30: how far to move m up to the next multiplier coprime to 30, and that
 * multiplier's j (index in RESIDUES).
 */
export const ROUND_UP_DELTA = new Uint8Array(30);
export const ROUND_UP_INDEX = new Uint8Array(30);
for (let m = 0; m < 30; m++) {
  let d = 0;
  while (BIT_OF_RESIDUE[(m + d) % 30] < 0) d++;
  ROUND_UP_DELTA[m] = d;
  ROUND_UP_INDEX[m] = BIT_OF_RESIDUE[(m + d) % 30];
}

/** Offset from 30 * (first byte of a 32-bit word) of the number bit k of that word holds. */
export const WORD_BIT_VALUE = new Uint8Array(32);
for (let k = 0; k < 32; k++) WORD_BIT_VALUE[k] = 30 * (k >>> 3) + RESIDUES[k & 7];
