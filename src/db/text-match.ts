import { sql, type RawBuilder } from 'kysely';

/**
 * A newsroom filter over a text column that behaves the same on both dialects: case-insensitive
 * for Latin letters (SQLite's LIKE folds ASCII, PostgreSQL's does not, so both sides are lowered),
 * and `%`, `_` and `\` in what the user typed match themselves instead of acting as wildcards.
 */
export function textMatches(column: string, text: string, where: 'contains' | 'starts'): RawBuilder<boolean> {
  // Text without letters that have a case (Bengali, digits) meets the column as it is: lowering
  // every row costs more than the match itself.
  const cased = text.toLowerCase() !== text.toUpperCase();
  const subject = cased ? sql`lower(${sql.ref(column)})` : sql.ref(column);
  const needle = cased ? text.toLowerCase() : text;
  if (needle === '') return sql<boolean>`1 = 1`;
  if (where === 'contains') {
    // "Contains" as a plain string search on both dialects, which has no wildcards to escape:
    // PostgreSQL's LIKE '%…%' tries every position and is five times slower over 100,000
    // headlines (bench/article-list.ts).
    return sql<boolean>`replace(${subject}, ${needle}, '') <> ${subject}`;
  }
  const escaped = needle.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`${subject} like ${`${escaped}%`} escape '\\'`;
}
