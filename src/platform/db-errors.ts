/**
 * Database errors that are a user's race rather than a bug. Use cases check uniqueness before they
 * write (a duplicate statement, a second support, a new version number), but two requests can pass
 * that check at the same moment; the unique index then refuses the second. That is a conflict the
 * person can resolve by trying again, not an internal error.
 */

/** Whether an error thrown by either engine is a unique (or primary-key) constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  // PostgreSQL: SQLSTATE 23505 unique_violation. better-sqlite3: the extended result code.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
