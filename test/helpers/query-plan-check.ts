// Reading query plans for what would grow with the archive: a content table read whole, or a sort
// of rows no limit or key has cut. The same rules as test/query-plans.test.ts, for tests of other
// queries (the newsroom's article list).
import pg from 'pg';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { POSTGRES_URL } from './databases.ts';

/** Tables that grow with the archive. */
export const CONTENT_TABLES = ['articles', 'article_tags', 'article_people', 'comments', 'images', 'image_variants', 'corrections', 'tags', 'people'];

export interface SqlitePlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** What is wrong with a SQLite plan: a content table scanned, or a sort of rows not already cut by a limit. */
export function sqliteProblems(plan: SqlitePlanRow[], smallTables: readonly string[] = []): string[] {
  // Subqueries the plan names (co-routines, materialized views): scanning one reads no table.
  const subqueries = new Set(plan.flatMap((p) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(p.detail)?.[1] ?? []));
  const readsTable = (detail: string) => {
    const m = /^(?:SCAN|SEARCH) (\S+)/.exec(detail);
    return !!m && !subqueries.has(m[1]!) && !smallTables.includes(m[1]!);
  };
  const problems: string[] = [];
  for (const row of plan) {
    if (/^SCAN /.test(row.detail) && readsTable(row.detail) && !/USING (COVERING )?INDEX/.test(row.detail)) problems.push(row.detail);
    if (/USE TEMP B-TREE/.test(row.detail)) {
      // Bounded when what it sorts is the output of subqueries (each with its own limit), not a table read at the same level.
      const siblings = plan.filter((p) => p.parent === row.parent && p !== row);
      if (siblings.some((p) => readsTable(p.detail))) problems.push(row.detail);
    }
  }
  return problems;
}

export interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PgNode[];
}

/** What is wrong with a PostgreSQL plan (made with seq scans off, so a seq scan means no index). */
export function postgresProblems(node: PgNode, problems: string[] = []): string[] {
  const type = node['Node Type'];
  if (type === 'Seq Scan' && CONTENT_TABLES.includes(node['Relation Name'] ?? '')) problems.push(`Seq Scan on ${node['Relation Name']}`);
  if (type === 'Sort') {
    // Bounded when every table it reads is behind a limit, or read by a key (a list of ids, one article's rows).
    const unbounded = leaves(node).filter(
      (leaf) => !leaf.limited && !/\b(id|article_id|image_id) = /.test(leaf.node['Index Cond'] ?? leaf.node['Recheck Cond'] ?? ''),
    );
    if (unbounded.length) problems.push(`Sort over ${unbounded.map((l) => `${l.node['Node Type']} on ${l.node['Relation Name']}`).join(', ')}`);
  }
  for (const child of node.Plans ?? []) postgresProblems(child, problems);
  return problems;
}

// The nodes that read a table (a bitmap heap scan is one, above its index scan, which names no table).
function leaves(node: PgNode, limited = false): Array<{ node: PgNode; limited: boolean }> {
  if (node['Relation Name']) return [{ node, limited }];
  const isLimit = node['Node Type'] === 'Limit';
  return (node.Plans ?? []).flatMap((child) => leaves(child, limited || isLimit));
}

/** Every index a PostgreSQL plan reads. */
export function postgresIndexes(node: PgNode): string[] {
  return [...(node['Index Name'] ? [node['Index Name']] : []), ...(node.Plans ?? []).flatMap(postgresIndexes)];
}

/** A statement as the app ran it. */
export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/** SQLite's plan of a statement, one row per step. */
export function sqlitePlan(handle: DatabaseHandle, q: CapturedQuery): SqlitePlanRow[] {
  return handle.native!.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as SqlitePlanRow[];
}

/** PostgreSQL's plans of statements in a schema, with sequential scans off (so a seq scan means there was no index to use). */
export async function postgresPlans(schema: string, queries: readonly CapturedQuery[]): Promise<PgNode[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query('SET enable_seqscan = off');
    const plans: PgNode[] = [];
    for (const q of queries) {
      const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.parameters as unknown[]);
      plans.push((rows[0] as { 'QUERY PLAN': Array<{ Plan: PgNode }> })['QUERY PLAN'][0]!.Plan);
    }
    return plans;
  } finally {
    await client.end();
  }
}
