/**
 * One table of bad inputs, run through every entrypoint: an HTTP request (sent as an API Gateway
 * HTTP API event and over the local server's socket), the same mistake in a direct invoke
 * `{"max": ...}`, and on the command line. Each case names the status and the field the answer
 * must name; each translation states the rule its message must give, in that entrypoint's words.
 *
 * The service under test runs with the small limits below, so that "over the limit" is cheap to
 * ask and would be cheap to mistakenly serve: a case that were not refused would show as an
 * append to the store, which the runners assert never happens.
 */
import type { PrimeLimits } from '../../src/domain/values/prime-limits';

export const TEST_LIMITS: PrimeLimits = {
  maxValue: 1_000_000,
  maxCount: 78_498, // pi(1e6)
  defaultPageSize: 100,
  maxPageSize: 1_000,
  maxCountedValue: 1_000_000n,
  maxNthPrime: 78_498n,
};
/** The largest max a direct invoke answers in one response, below the service's maxValue. */
export const DIRECT_INVOKE_MAX = 100_000;
/** The store holds the first 2,000 primes (up to 17,389) before every case. */
export const SEEDED_PRIMES = 2_000;

export type RefusalStatus = 400 | 404 | 405 | 413;

export interface HttpInput {
  /** The request target exactly as sent on the wire, percent-encoding included. */
  readonly target: string;
  readonly method?: string;
  readonly body?: string;
  /** Send the body in chunks, without a Content-Length (local server only). */
  readonly chunked?: boolean;
  /** Only the local server reads bodies: API Gateway passes any body under its own 10 MB cap. */
  readonly localServerOnly?: boolean;
}

export interface DirectInput {
  /** The event as the Lambda runtime hands it over, i.e. after JSON.parse of the payload. */
  readonly event: unknown;
  readonly rule: RegExp;
  /** Not an event shape at all: refused as such, naming no field. */
  readonly unsupported?: boolean;
}

export interface CliInput {
  readonly argv: readonly string[];
  /** The rule in the CLI's words; default: the case's rule. */
  readonly rule?: RegExp;
  /** Refused only once the limits are known, so the store is opened (but never read). */
  readonly opensStore?: boolean;
}

export interface BadInputCase {
  readonly name: string;
  /** The HTTP status; a direct invoke fails with the code the HTTP API maps to it. */
  readonly status: RefusalStatus;
  /** The parameter a 400 names, or a 404 of a question with no answer; none for the others. */
  readonly field?: string;
  /** The error's code, where it is not the one code of its status (NO_SUCH_PRIME is a 404). */
  readonly code?: string;
  /** What the HTTP answer's message must state. */
  readonly rule: RegExp;
  readonly http?: HttpInput;
  readonly direct?: DirectInput;
  readonly cli?: CliInput;
  /** Only the store can tell (a cursor that passes every other check): reads, never appends. */
  readonly needsStore?: boolean;
}

/** A page cursor as the service writes one ("position.after", base64url), built independently. */
export function cursorOf(position: number, after: number): string {
  return Buffer.from(`${position}.${after}`).toString('base64url');
}

/** The `next` of GET /primes?max=1000&limit=10: a genuine cursor, for misuse. */
export const REAL_CURSOR_QUERY = '/primes?max=1000&limit=10';
export const REAL_CURSOR = cursorOf(10, 29);

const DIGITS = /must be a decimal integer written with digits only/;
const SAFE = /must be at most 9007199254740991 \(2\^53 - 1\)/;
/** Values up to 2^64 - 1 are taken wherever the use cases reach past the store. */
const U64 = /must be at most 18446744073709551615 \(2\^64 - 1\)/;
const REPEATED = /must be given once, not repeated/;
const UNKNOWN = /is not a parameter of this route/;
const CURSOR = /must be the cursor returned as "next" by the previous page/;
const NO_ROUTE = /no such route; the routes are listed at \/openapi\.json/;
const GET_ONLY = /answers GET only/;
const atMost = (limit: number) => new RegExp(`must be at most ${limit}$`);

export const BAD_INPUTS: readonly BadInputCase[] = [
  // How an integer is written: digits only, at most 2^53 - 1.
  {
    name: 'a negative number',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=-5' },
    direct: { event: { max: -5 }, rule: /must be at least 0$/ },
    cli: { argv: ['list', '--max', '-5'] },
  },
  {
    name: 'a fraction',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=1.5' },
    direct: { event: { max: 1.5 }, rule: /must be a whole number$/ },
    cli: { argv: ['list', '--max', '1.5'] },
  },
  {
    name: 'an exponent',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=1e3' },
    cli: { argv: ['list', '--max', '1e3'] },
  },
  {
    name: 'hexadecimal',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=0x10' },
    cli: { argv: ['list', '--max', '0x10'] },
  },
  {
    name: 'leading zeros (octal-looking)',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=010' },
    cli: { argv: ['list', '--max', '010'] },
  },
  {
    name: 'NaN',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=NaN' },
    direct: { event: { max: 'NaN' }, rule: /must be a JSON number$/ },
    cli: { argv: ['list', '--max', 'NaN'] },
  },
  {
    name: 'Infinity (in JSON: 1e400, which parses to Infinity)',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=Infinity' },
    direct: { event: JSON.parse('{"max":1e400}'), rule: /must be a finite JSON number$/ },
    cli: { argv: ['list', '--max', 'Infinity'] },
  },
  {
    // A JSON -0 is 0, a fine max; written in a query or an argument it is a sign.
    name: 'minus zero',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=-0' },
    cli: { argv: ['list', '--max', '-0'] },
  },
  {
    name: 'an explicit plus sign',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=%2B5' },
    cli: { argv: ['list', '--max', '+5'] },
  },
  {
    name: 'a raw plus, which a query string reads as a space',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=+5' },
    cli: { argv: ['list', '--max', ' 5'] },
  },
  {
    name: 'a trailing space',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=5%20' },
    cli: { argv: ['list', '--max', '5 '] },
  },
  {
    // \d in a careless pattern, or Number(), would take it as 5.
    name: 'a full-width digit',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=%EF%BC%95' },
    cli: { argv: ['list', '--max', '\uFF15'] },
  },
  {
    name: 'a trailing decimal point',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=10.' },
    cli: { argv: ['list', '--max', '10.'] },
  },
  {
    name: 'an empty value',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=' },
    cli: { argv: ['list', '--max', ''] },
  },
  {
    name: 'a parameter without a value',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max' },
    cli: { argv: ['list', '--max'], rule: /argument missing/ },
  },
  {
    name: 'digits followed by letters',
    status: 400,
    field: 'max',
    rule: DIGITS,
    http: { target: '/primes?max=12abc' },
    cli: { argv: ['list', '--max', '12abc'] },
  },
  {
    name: 'a whole number beyond 2^53 - 1',
    status: 400,
    field: 'max',
    rule: SAFE,
    http: { target: '/primes?max=9007199254740992' },
    direct: { event: { max: 2 ** 53 }, rule: /must be a whole number from 0 to 1000000$/ },
    cli: { argv: ['list', '--max', '9007199254740992'] },
  },
  {
    name: 'twenty-three digits',
    status: 400,
    field: 'max',
    rule: SAFE,
    http: { target: '/primes?max=99999999999999999999999' },
    direct: { event: { max: 1e23 }, rule: /must be a whole number from 0 to 1000000$/ },
    cli: { argv: ['list', '--max', '99999999999999999999999'] },
  },

  // The configured limits: refused before any read, let alone any sieving.
  {
    name: 'max over maxValue',
    status: 400,
    field: 'max',
    rule: atMost(TEST_LIMITS.maxValue),
    http: { target: '/primes?max=1000001' },
    direct: { event: { max: 1_000_001 }, rule: atMost(TEST_LIMITS.maxValue) },
    cli: { argv: ['list', '--max', '1000001'], opensStore: true },
  },
  {
    name: 'to beyond 2^64 - 1',
    status: 400,
    field: 'to',
    rule: U64,
    http: { target: '/primes?to=18446744073709551616' },
    cli: { argv: ['list', '--to', '18446744073709551616'] },
  },
  {
    name: 'from beyond 2^64 - 1',
    status: 400,
    field: 'from',
    rule: U64,
    http: { target: '/primes?from=18446744073709551616&to=1' },
    cli: { argv: ['list', '--from', '18446744073709551616', '--to', '1'] },
  },
  {
    name: 'from greater than to near 2^64',
    status: 400,
    field: 'from',
    rule: /must not exceed to \(18446744073709551557\)/,
    http: { target: '/primes?from=18446744073709551615&to=18446744073709551557' },
  },
  {
    name: 'a window bound written in hexadecimal',
    status: 400,
    field: 'to',
    rule: DIGITS,
    http: { target: '/primes?from=0&to=0xFFFFFFFFFFFFFFFF' },
  },
  {
    name: 'count over maxCount',
    status: 400,
    field: 'count',
    rule: atMost(TEST_LIMITS.maxCount),
    http: { target: '/primes?count=78499' },
    cli: { argv: ['list', '--count', '78499'], opensStore: true },
  },
  {
    name: 'a negative count',
    status: 400,
    field: 'count',
    rule: DIGITS,
    http: { target: '/primes?count=-1' },
    cli: { argv: ['list', '--count', '-1'] },
  },
  {
    name: 'limit zero',
    status: 400,
    field: 'limit',
    rule: /must be at least 1$/,
    http: { target: '/primes?max=100&limit=0' },
  },
  {
    name: 'limit over maxPageSize',
    status: 400,
    field: 'limit',
    rule: atMost(TEST_LIMITS.maxPageSize),
    http: { target: '/primes?max=100&limit=1001' },
  },
  {
    name: 'limit as a fraction',
    status: 400,
    field: 'limit',
    rule: DIGITS,
    http: { target: '/primes?count=10&limit=2.5' },
  },
  {
    name: 'a direct invoke too large for one response',
    status: 400,
    field: 'max',
    rule: /must be at most 100000 in a direct invoke/,
    direct: {
      event: { max: DIRECT_INVOKE_MAX + 1 },
      rule: /must be at most 100000 in a direct invoke.*GET \/primes\?to=100001/,
    },
  },
  {
    name: '/primes/count over maxCountedValue',
    status: 400,
    field: 'to',
    rule: new RegExp(
      `must be at most ${TEST_LIMITS.maxCountedValue}, or within 4294967296 of from`,
    ),
    http: { target: '/primes/count?to=1000001' },
    cli: { argv: ['count', '--to', '1000001'], opensStore: true },
  },
  {
    name: 'an n-th prime over maxNthPrime',
    status: 400,
    field: 'n',
    rule: atMost(Number(TEST_LIMITS.maxNthPrime)),
    http: { target: '/primes/nth/78499' },
    cli: { argv: ['nth', '78499'], opensStore: true },
  },
  {
    name: '/primes/count beyond 2^64 - 1',
    status: 400,
    field: 'to',
    rule: /must be at most 18446744073709551615 \(2\^64 - 1\)$/,
    http: { target: '/primes/count?to=18446744073709551616' },
  },
  {
    name: '/primes/count with a negative from',
    status: 400,
    field: 'from',
    rule: DIGITS,
    http: { target: '/primes/count?from=-1&to=5' },
  },
  {
    name: 'an n-th prime beyond 2^64 - 1',
    status: 400,
    field: 'n',
    rule: atMost(Number(TEST_LIMITS.maxNthPrime)),
    http: { target: '/primes/nth/18446744073709551616' },
  },

  // Repeated, unknown and conflicting parameters.
  {
    name: 'a repeated parameter',
    status: 400,
    field: 'max',
    rule: REPEATED,
    http: { target: '/primes?max=5&max=7' },
    cli: { argv: ['list', '--max', '5', '--max', '7'] },
  },
  {
    name: 'a parameter repeated with the same value',
    status: 400,
    field: 'max',
    rule: REPEATED,
    http: { target: '/primes?max=5&max=5' },
    cli: { argv: ['list', '--max', '5', '--max', '5'] },
  },
  {
    name: 'a repeated cursor',
    status: 400,
    field: 'cursor',
    rule: REPEATED,
    http: { target: `/primes?max=1000&cursor=${REAL_CURSOR}&cursor=${REAL_CURSOR}` },
  },
  {
    name: 'a repeated to on /primes/count',
    status: 400,
    field: 'to',
    rule: REPEATED,
    http: { target: '/primes/count?to=5&to=9' },
    cli: { argv: ['count', '--to', '5', '--to', '9'] },
  },
  {
    name: 'an unknown parameter',
    status: 400,
    field: 'maxx',
    rule: UNKNOWN,
    http: { target: '/primes?maxx=5' },
    direct: { event: { maxx: 5 }, rule: /is not accepted: a direct invoke is \{"max": N\}$/ },
    cli: { argv: ['list', '--maxx', '5'], rule: /unknown option '--maxx'/ },
  },
  {
    name: 'a parameter in capitals',
    status: 400,
    field: 'MAX',
    rule: UNKNOWN,
    http: { target: '/primes?MAX=5' },
    direct: { event: { MAX: 5 }, rule: /is not accepted/ },
    cli: { argv: ['list', '--MAX', '5'], rule: /unknown option '--MAX'/ },
  },
  {
    name: 'a parameter named __proto__',
    status: 400,
    field: '__proto__',
    rule: UNKNOWN,
    http: { target: '/primes?__proto__=5' },
    direct: { event: JSON.parse('{"__proto__":5}'), rule: /is not accepted/ },
  },
  {
    name: 'a parameter with an empty name',
    status: 400,
    field: '',
    rule: UNKNOWN,
    http: { target: '/primes?=5' },
  },
  {
    name: 'a parameter on a route that takes none',
    status: 400,
    field: 'n',
    rule: /is not a parameter of this route \(it takes none\)/,
    http: { target: '/primes/nth/5?n=5' },
  },
  {
    name: 'a parameter on /health',
    status: 400,
    field: 'verbose',
    rule: UNKNOWN,
    http: { target: '/health?verbose=1' },
  },
  {
    name: 'max with from',
    status: 400,
    field: 'from',
    rule: /cannot be combined with max/,
    http: { target: '/primes?max=5&from=1' },
    direct: { event: { max: 5, from: 1 }, rule: /is not accepted/ },
    cli: { argv: ['list', '--max', '5', '--from', '1'] },
  },
  {
    name: 'count with to',
    status: 400,
    field: 'to',
    rule: /cannot be combined with count/,
    http: { target: '/primes?count=5&to=10' },
    cli: { argv: ['list', '--count', '5', '--to', '10'] },
  },
  {
    name: 'max with count',
    status: 400,
    field: 'count',
    rule: /cannot be combined with max/,
    http: { target: '/primes?max=5&count=5' },
    cli: { argv: ['list', '--max', '5', '--count', '5'] },
  },
  {
    name: 'from greater than to',
    status: 400,
    field: 'from',
    rule: /must not exceed to \(5\)/,
    http: { target: '/primes?from=10&to=5' },
    cli: { argv: ['list', '--from', '10', '--to', '5'], opensStore: true },
  },
  {
    name: 'from greater than to on /primes/count',
    status: 400,
    field: 'from',
    rule: /must not exceed to \(5\)/,
    http: { target: '/primes/count?from=10&to=5' },
    cli: { argv: ['count', '--from', '10', '--to', '5'], opensStore: true },
  },
  {
    name: 'nothing to select by',
    status: 400,
    field: 'max',
    rule: /is required \(or to, with an optional from, or count\)/,
    http: { target: '/primes' },
    direct: { event: {}, rule: /is required$/ },
    cli: { argv: ['list'] },
  },
  {
    name: 'from without to',
    status: 400,
    field: 'to',
    rule: /is required with from/,
    http: { target: '/primes?from=5' },
    cli: { argv: ['list', '--from', '5'] },
  },
  {
    name: '/primes/count without to',
    status: 400,
    field: 'to',
    rule: /is required/,
    http: { target: '/primes/count?from=5' },
    cli: { argv: ['count', '--from', '5'], rule: /required option '--to <b>' not specified/ },
  },

  // Cursors: only what a previous page returned as `next`, with the same query.
  {
    name: 'a cursor that is not base64url',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    http: { target: '/primes?max=1000&cursor=not%20a%20cursor!' },
  },
  {
    name: 'an empty cursor',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    http: { target: '/primes?max=1000&cursor=' },
  },
  {
    name: 'a truncated cursor',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    http: { target: `/primes?max=1000&limit=10&cursor=${REAL_CURSOR.slice(0, 5)}` },
  },
  {
    name: 'a mangled cursor that no longer decodes ("10n29")',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    http: { target: '/primes?max=1000&limit=10&cursor=MTBuMjk' },
  },
  {
    name: 'a mangled cursor that still decodes ("10.39")',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    http: { target: `/primes?max=1000&limit=10&cursor=${cursorOf(10, 39)}` },
  },
  {
    name: 'a forged cursor far beyond the store',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    http: { target: `/primes?max=1000000&limit=10&cursor=${cursorOf(1_000_000_000, 29)}` },
  },
  {
    name: 'a forged cursor for the first n primes, near the count asked for',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    http: { target: `/primes?count=78498&limit=10&cursor=${cursorOf(78_490, 29)}` },
  },
  {
    name: 'a forged cursor that only the store can refute',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    // pi(7919) = 1000, so position 1001 is within the bounds of pi but not where 7919 is stored.
    http: { target: `/primes?max=100000&limit=10&cursor=${cursorOf(1_001, 7_919)}` },
    needsStore: true,
  },
  {
    name: 'a cursor of position zero',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    http: { target: `/primes?max=1000&cursor=${cursorOf(0, 0)}` },
  },
  {
    name: 'a cursor from another query',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    http: { target: `/primes?from=500&to=600&cursor=${REAL_CURSOR}` },
  },
  {
    name: 'a cursor past the count asked for',
    status: 400,
    field: 'cursor',
    rule: CURSOR,
    http: { target: `/primes?count=5&cursor=${REAL_CURSOR}` },
  },

  // Path parameters: the same integer rules as the query.
  {
    name: 'an n-th prime that is not a number',
    status: 400,
    field: 'n',
    rule: DIGITS,
    http: { target: '/primes/nth/abc' },
    cli: { argv: ['nth', 'abc'] },
  },
  {
    name: 'the 0-th prime (n counts from 1)',
    status: 400,
    field: 'n',
    rule: /must be at least 1$/,
    http: { target: '/primes/nth/0' },
    cli: { argv: ['nth', '0'], opensStore: true },
  },
  {
    name: 'a negative n-th prime',
    status: 400,
    field: 'n',
    rule: DIGITS,
    http: { target: '/primes/nth/-1' },
    cli: { argv: ['nth', '-1'] },
  },
  {
    name: 'a percent-encoded fraction as n',
    status: 400,
    field: 'n',
    rule: DIGITS,
    http: { target: '/primes/nth/1%2E5' },
    cli: { argv: ['nth', '1.5'] },
  },
  {
    name: 'broken percent-encoding in a path parameter',
    status: 400,
    field: 'n',
    rule: /must be valid percent-encoding/,
    http: { target: '/primes/nth/%ZZ' },
  },
  {
    name: 'is-prime of a negative number',
    status: 400,
    field: 'n',
    rule: DIGITS,
    http: { target: '/is-prime/-1' },
    cli: { argv: ['is-prime', '-1'] },
  },
  {
    name: 'is-prime beyond 2^64 - 1',
    status: 400,
    field: 'n',
    rule: U64,
    http: { target: '/is-prime/18446744073709551616' },
    cli: { argv: ['is-prime', '18446744073709551616'] },
  },
  ...(['next', 'previous'] as const).flatMap((side): BadInputCase[] => [
    {
      name: `${side} beyond 2^64 - 1`,
      status: 400,
      field: 'n',
      rule: U64,
      http: { target: `/primes/${side}/18446744073709551616` },
    },
    {
      name: `${side} of a negative number`,
      status: 400,
      field: 'n',
      rule: DIGITS,
      http: { target: `/primes/${side}/-5` },
    },
    {
      name: `${side} of an exponent`,
      status: 400,
      field: 'n',
      rule: DIGITS,
      http: { target: `/primes/${side}/1e3` },
    },
    {
      name: `${side} with leading zeros`,
      status: 400,
      field: 'n',
      rule: DIGITS,
      http: { target: `/primes/${side}/0100` },
    },
    {
      name: `${side} with a query`,
      status: 400,
      field: 'limit',
      rule: /is not a parameter of this route \(it takes none\)/,
      http: { target: `/primes/${side}/5?limit=1` },
    },
  ]),
  {
    name: 'next of the largest prime below 2^64: no answer',
    status: 404,
    code: 'NO_SUCH_PRIME',
    field: 'n',
    rule: /has no prime above it below 2\^64/,
    http: { target: '/primes/next/18446744073709551557' },
  },
  {
    name: 'previous of 2: no answer',
    status: 404,
    code: 'NO_SUCH_PRIME',
    field: 'n',
    rule: /has no prime below it/,
    http: { target: '/primes/previous/2' },
  },
  {
    name: 'is-prime of a hexadecimal number',
    status: 400,
    field: 'n',
    rule: DIGITS,
    http: { target: '/is-prime/0x1F' },
    cli: { argv: ['is-prime', '0x1F'] },
  },

  // Routes and methods.
  {
    name: 'an unknown route',
    status: 404,
    rule: NO_ROUTE,
    http: { target: '/prime?max=5' },
    cli: { argv: ['prime', '--max', '5'], rule: /unknown command 'prime'/ },
  },
  { name: 'a trailing slash', status: 404, rule: NO_ROUTE, http: { target: '/primes/' } },
  { name: 'a route in capitals', status: 404, rule: NO_ROUTE, http: { target: '/PRIMES?max=5' } },
  { name: 'an extra segment', status: 404, rule: NO_ROUTE, http: { target: '/primes/nth/5/6' } },
  {
    name: 'an empty path parameter',
    status: 404,
    rule: NO_ROUTE,
    http: { target: '/primes/nth/' },
  },
  {
    name: 'a route without its path parameter',
    status: 404,
    rule: NO_ROUTE,
    http: { target: '/is-prime' },
  },
  { name: 'the root', status: 404, rule: NO_ROUTE, http: { target: '/' } },
  { name: 'a double slash', status: 404, rule: NO_ROUTE, http: { target: '//primes?max=5' } },
  {
    name: 'POST',
    status: 405,
    rule: GET_ONLY,
    http: { target: '/primes?max=5', method: 'POST' },
  },
  {
    name: 'DELETE',
    status: 405,
    rule: GET_ONLY,
    http: { target: '/primes/nth/5', method: 'DELETE' },
  },
  { name: 'PUT', status: 405, rule: GET_ONLY, http: { target: '/is-prime/7', method: 'PUT' } },
  { name: 'PATCH', status: 405, rule: GET_ONLY, http: { target: '/store', method: 'PATCH' } },
  // By HTTP's rule a HEAD answer has no body: the status and Allow are all it can say.
  { name: 'HEAD', status: 405, rule: GET_ONLY, http: { target: '/is-prime/7', method: 'HEAD' } },
  { name: 'OPTIONS', status: 405, rule: GET_ONLY, http: { target: '/primes', method: 'OPTIONS' } },
  {
    name: 'POST with malformed JSON',
    status: 405,
    rule: GET_ONLY,
    http: { target: '/primes', method: 'POST', body: '{"max":' },
  },
  {
    name: 'POST of the direct invoke body',
    status: 405,
    rule: GET_ONLY,
    http: { target: '/primes', method: 'POST', body: '{"max":100}' },
  },

  // Bodies: no route reads one.
  {
    name: 'a JSON body instead of a query',
    status: 400,
    field: 'max',
    rule: /is required/,
    http: { target: '/primes', body: '{"max":100}' },
  },
  {
    name: 'a body over the cap',
    status: 413,
    rule: /the request body must be at most 16384 bytes/,
    http: { target: '/primes?max=5', body: '{"max":5}'.padEnd(20_000), localServerOnly: true },
  },
  {
    name: 'a chunked body over the cap, without a Content-Length',
    status: 413,
    rule: /the request body must be at most 16384 bytes/,
    http: {
      target: '/primes?max=5',
      method: 'POST',
      body: 'x'.repeat(20_000),
      chunked: true,
      localServerOnly: true,
    },
  },

  // Direct invokes whose JSON is not {"max": N}.
  {
    name: 'max as a string',
    status: 400,
    field: 'max',
    rule: /must be a JSON number$/,
    direct: { event: { max: '100' }, rule: /must be a JSON number$/ },
  },
  {
    name: 'max null',
    status: 400,
    field: 'max',
    rule: /must be a JSON number$/,
    direct: { event: { max: null }, rule: /must be a JSON number$/ },
  },
  {
    name: 'max true',
    status: 400,
    field: 'max',
    rule: /must be a JSON number$/,
    direct: { event: { max: true }, rule: /must be a JSON number$/ },
  },
  {
    name: 'max as an array',
    status: 400,
    field: 'max',
    rule: /must be a JSON number$/,
    direct: { event: { max: [100] }, rule: /must be a JSON number$/ },
  },
  {
    name: 'an array event',
    status: 400,
    rule: /expected a direct invoke \{"max": N\}/,
    direct: { event: [], rule: /expected a direct invoke \{"max": N\}/, unsupported: true },
  },
  {
    name: 'a null event',
    status: 400,
    rule: /expected a direct invoke \{"max": N\}/,
    direct: { event: null, rule: /expected a direct invoke \{"max": N\}/, unsupported: true },
  },
  {
    name: 'the event JSON-encoded twice (a string)',
    status: 400,
    rule: /expected a direct invoke \{"max": N\}/,
    direct: {
      event: '{"max":100}',
      rule: /expected a direct invoke \{"max": N\}/,
      unsupported: true,
    },
  },
];
