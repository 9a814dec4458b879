/** Injection tokens: each port is bound to its adapter once, in each composition root. */
export const PRIME_REPOSITORY = Symbol.for('PrimeRepository');
export const CLOCK = Symbol.for('Clock');
export const LOGGER = Symbol.for('Logger');
export const COUNT_MEMORY = Symbol.for('CountMemory');
