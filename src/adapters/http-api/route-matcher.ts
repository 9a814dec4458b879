import { InvalidParameterError } from '../../domain/errors/invalid-parameter-error';
import type { Route } from './routes/route';

export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Finds the route whose template matches `path` segment by segment; `{name}` takes any one
 * segment, percent-decoded, so that "/is-prime/abc" reaches its route and is refused as a bad
 * n (400) rather than as an unknown path (404).
 */
export function matchRoute(routes: readonly Route[], path: string): RouteMatch | undefined {
  const segments = path.split('/');
  for (const route of routes) {
    const template = route.path.split('/');
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = template.every((part, i) => {
      if (!(part.startsWith('{') && part.endsWith('}'))) return part === segments[i];
      if (segments[i] === '') return false;
      params[part.slice(1, -1)] = decodeSegment(part.slice(1, -1), segments[i]);
      return true;
    });
    if (matches) return { route, params };
  }
  return undefined;
}

function decodeSegment(name: string, segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InvalidParameterError(name, 'must be valid percent-encoding');
  }
}
