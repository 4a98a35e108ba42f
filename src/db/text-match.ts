import { sql, type RawBuilder } from 'kysely';

/**
 * A newsroom filter over a text column that behaves the same on both dialects: case-insensitive
 * for Latin letters (SQLite's LIKE folds ASCII, PostgreSQL's does not, so both sides are lowered),
 * and `%`, `_` and `\` in what the user typed match themselves instead of acting as wildcards.
 */
export function textMatches(column: string, text: string, where: 'contains' | 'starts'): RawBuilder<boolean> {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = where === 'contains' ? `%${escaped}%` : `${escaped}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
