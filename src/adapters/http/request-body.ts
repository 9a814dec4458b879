import type { IncomingMessage } from 'node:http';
import { ApiError } from '../http-api/api-error';

/** Reads the request body as UTF-8, refusing it (413) once it passes `maxBytes`. */
export async function readRequestBody(
  request: IncomingMessage,
  maxBytes: number,
): Promise<string | undefined> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(bytes);
  }
  return size === 0 ? undefined : Buffer.concat(chunks, size).toString('utf8');
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `the request body must be at most ${maxBytes} bytes`);
}
