import type { ApiResponse, QueryParameters } from '../api-types';

/** What a route sees of a request: its path parameters (decoded), its query and its deadline. */
export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryParameters;
  readonly deadline: number;
}

/** One GET route; `path` is a template whose `{name}` segments become `params`. */
export interface Route {
  readonly path: string;
  handle(request: RouteRequest): Promise<ApiResponse>;
}
