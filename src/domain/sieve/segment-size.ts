/** Bytes per segment (a power of two), chosen by benchmark (BENCHMARKS.md); 30 numbers per byte. */
export const SEGMENT_BYTES = 1 << 16;
/** Numbers one full segment covers; segments start every SEGMENT_SPAN from 30 * floor(lo / 30). */
export const SEGMENT_SPAN = 30 * SEGMENT_BYTES;
