// LIKE patterns for "contains" searches that mean what the user typed: `%` and `_` are text, not
// wildcards, on both engines. Pair each pattern with `escape '\'` in the SQL (SQLite's LIKE has no
// escape character unless one is named) and compare against `lower(column)`.

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern matching text that contains the query, case-insensitively (against `lower(column)`). */
export function containsPattern(query: string): string {
  return `%${escapeLike(query.trim().toLocaleLowerCase())}%`;
}

/**
 * A LIKE pattern matching a JSON document (as `JSON.stringify` wrote it) in which some string
 * contains the query: the query is escaped the way JSON escapes it (quotes, backslashes, line
 * breaks), so a search for `say "hi"` finds `{"q1":"say \"hi\""}`. It can also match keys and
 * option ids, so callers check the decoded text afterwards.
 */
export function jsonContainsPattern(query: string): string {
  const asJson = JSON.stringify(query.trim().toLocaleLowerCase()).slice(1, -1);
  return `%${escapeLike(asJson)}%`;
}

/** Whether a text contains the query, case-insensitively (the same test, done in memory). */
export function containsQuery(text: string, query: string): boolean {
  return text.toLocaleLowerCase().includes(query.trim().toLocaleLowerCase());
}
