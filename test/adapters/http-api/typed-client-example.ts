/**
 * The README's typed client example, as a module the type-checker and a test run. The README
 * shows the code from the marker on, with the import path as seen from the repository's root.
 */
// --- README example ---
import { hc } from 'hono/client';
import type { PrimesApp } from '../../../src/adapters/http-api/primes-app';

export async function firstPrimesAndNth(baseUrl: string) {
  const client = hc<PrimesApp>(baseUrl);

  const list = await client.primes.$get({ query: { max: '100' } });
  const page = await list.json(); // { primes: number[]; next: string | null }

  const nth = await client.primes.nth[':n'].$get({ param: { n: '10000' } });
  const { prime } = await nth.json(); // 104729

  return { primes: page.primes, next: page.next, prime };
}
