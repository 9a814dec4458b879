import { InvalidParameterError } from '../errors/invalid-parameter-error';
import { U64_MAX } from '../computations/prime-computations';

/**
 * The cursor of a window listed beyond the store: the last prime shown, so the next page
 * starts just after it. `v` and decimal digits, which a position cursor (base64 of a decimal,
 * so starting with M, N or O) never is. A forged value inside the window only moves where the
 * listing resumes: every prime served is still sieved, so no check against the store is needed.
 */
const VALUE_CURSOR = /^v(\d{1,20})$/;

export function encodeValueCursor(after: bigint): string {
  return `v${after}`;
}

export function isValueCursor(text: string): boolean {
  return text.startsWith('v');
}

/** The prime a value cursor resumes after, which must lie in [from, to). */
export function decodeValueCursor(text: string, from: bigint, to: bigint): bigint {
  const match = VALUE_CURSOR.exec(text);
  const after = match ? BigInt(match[1]) : -1n;
  if (after < from || after >= to || after > U64_MAX) {
    throw new InvalidParameterError(
      'cursor',
      'must be the cursor returned as "next" by the previous page',
    );
  }
  return after;
}
