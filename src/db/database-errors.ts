/**
 * What a failed query says about the database, for answering 503 instead of 500:
 * - `busy`: it is there but could not do this now (SQLite's write lock held past the busy timeout;
 *   on PostgreSQL a lock or statement timeout, a deadlock or a serialization failure). The
 *   transaction was rolled back; trying again later works.
 * - `unavailable`: the connection was lost or could not be made in time (the server restarted,
 *   failed over, was terminated, or stalls). The pool replaces the connection by itself.
 * Anything else is undefined (a bug, a constraint): the caller's usual handling applies.
 */
export type DatabaseTrouble = 'busy' | 'unavailable';

const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', '55P03', '57014', '40001', '40P01']);
// 57P01 admin_shutdown (pg_terminate_backend, a restart), 57P02 crash_shutdown, 57P03 cannot_connect_now,
// 53300 too_many_connections, class 08 connection exceptions; then Node's socket errors.
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres says these in words only (no code).
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|Query read timeout|The database answered nothing for)/;

export function databaseTrouble(error: unknown): DatabaseTrouble | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (BUSY_CODES.has(code)) return 'busy';
    if (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return 'unavailable';
  }
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message) ? 'unavailable' : undefined;
}
