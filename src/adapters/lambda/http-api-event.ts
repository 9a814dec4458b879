import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiRequest, ApiResponse, QueryParameters } from '../http-api/api-types';
import { parseQueryString } from '../http-api/query-string';

/** An API Gateway HTTP API event in payload format 2.0 (the only format this handler takes). */
export function isHttpApiEvent(event: unknown): event is APIGatewayProxyEventV2 {
  if (!isRecord(event) || event.version !== '2.0' || typeof event.rawPath !== 'string') {
    return false;
  }
  const context = event.requestContext;
  return isRecord(context) && isRecord(context.http) && typeof context.http.method === 'string';
}

export function toApiRequest(event: APIGatewayProxyEventV2, deadline: number): ApiRequest {
  const body =
    event.body !== undefined && event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body;
  return {
    method: event.requestContext.http.method,
    path: withoutStage(event.rawPath, event.requestContext.stage),
    query: queryOf(event),
    body,
    deadline,
  };
}

export function toHttpApiResult(response: ApiResponse): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: response.status,
    headers: { ...response.headers },
    body: response.body,
    isBase64Encoded: false,
  };
}

/**
 * rawQueryString keeps repeated parameters apart; queryStringParameters has them joined by
 * commas ("max=5&max=7" becomes "5,7"), so it is only the fallback of hand-made events.
 */
function queryOf(event: APIGatewayProxyEventV2): QueryParameters {
  if (typeof event.rawQueryString === 'string') return parseQueryString(event.rawQueryString);
  const query: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined) query[name] = [value];
  }
  return query;
}

/** On a named stage, rawPath starts with the stage ("/prod/primes"); $default has no prefix. */
function withoutStage(rawPath: string, stage: string | undefined): string {
  if (!stage || stage === '$default') return rawPath;
  const prefix = `/${stage}`;
  if (rawPath === prefix) return '/';
  return rawPath.startsWith(`${prefix}/`) ? rawPath.slice(prefix.length) : rawPath;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
