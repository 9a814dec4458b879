import { primeCountLowerBound, primeCountUpperBound } from '../bounds/prime-count-bounds';
import { InvalidParameterError } from '../errors/invalid-parameter-error';

/**
 * Where the next page starts: the position of its first prime and the prime just before it.
 * A genuine cursor's position is exactly pi(after), so one outside the proven bounds of
 * pi(after) is refused as it is decoded, before any work. The rest are checked against the
 * store when used (the prime at position - 1 must be `after`): a forged or mangled cursor is
 * refused rather than served.
 */
export interface PageCursor {
  readonly position: number;
  readonly after: number;
}

const INVALID_RULE = 'must be the cursor returned as "next" by the previous page';

export function encodePageCursor(cursor: PageCursor): string {
  return base64UrlEncode(`${cursor.position}.${cursor.after}`);
}

export function decodePageCursor(text: string): PageCursor {
  const match = /^(\d{1,16})\.(\d{1,16})$/.exec(base64UrlDecode(text));
  const position = Number(match?.[1]);
  const after = Number(match?.[2]);
  if (!match || position < 1 || !Number.isSafeInteger(position) || !Number.isSafeInteger(after)) {
    throw new InvalidParameterError('cursor', INVALID_RULE);
  }
  if (position < primeCountLowerBound(after) || position > primeCountUpperBound(after)) {
    throw new InvalidParameterError('cursor', INVALID_RULE);
  }
  return { position, after };
}

export function invalidCursor(): InvalidParameterError {
  return new InvalidParameterError('cursor', INVALID_RULE);
}

// btoa/atob keep the domain free of Node's Buffer; cursors are plain ASCII.
function base64UrlEncode(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlDecode(text: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) return '';
  try {
    return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return '';
  }
}
