/**
 * The HTTP API's own request and response, free of any transport: the Lambda adapter and the
 * local server each translate to and from these.
 */

/** Every value of every query parameter, in order, still undecoded into numbers. */
export type QueryParameters = Readonly<Record<string, readonly string[]>>;

export interface ApiRequest {
  readonly method: string;
  /** The path as it came over the wire (percent-encoded), without the query string. */
  readonly path: string;
  readonly query: QueryParameters;
  readonly body?: string;
  /** Absolute time (ms since the epoch) by which the answer must be on its way. */
  readonly deadline: number;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface HttpApi {
  /** Answers every request, errors included; it never rejects. */
  handle(request: ApiRequest): Promise<ApiResponse>;
}
