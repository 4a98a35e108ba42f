import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from './database.ts';
import { QueryTemplates } from './query-template.ts';

test('a template compiles once per shape and runs with the values it is given', async () => {
  const handle = await openDatabase('sqlite::memory:');
  const db = handle.db as unknown as import('kysely').Kysely<{ t: { id: number; name: string } }>;
  try {
    await db.schema
      .createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .execute();
    await db
      .insertInto('t')
      .values([1, 2, 3, 4, 5].map((id) => ({ id, name: `n${id}` })))
      .execute();
    const templates = new QueryTemplates(db);
    let builds = 0;
    const byIds = (ids: number[], limit: number) =>
      templates.run<{ id: number }>(`ids:${ids.length}`, [limit, ...ids], ([max, ...slots]) => {
        builds++;
        return db
          .selectFrom('t')
          .select('id')
          .where('id', 'in', slots)
          .orderBy('id')
          .limit(max as number);
      });
    assert.deepEqual(
      (await byIds([1, 2, 3], 10)).map((r) => r.id),
      [1, 2, 3],
    );
    assert.deepEqual(
      (await byIds([3, 4, 5], 2)).map((r) => r.id),
      [3, 4],
      'new values, the same SQL',
    );
    assert.equal(builds, 1);
    assert.deepEqual(
      (await byIds([5], 10)).map((r) => r.id),
      [5],
      'another shape',
    );
    assert.equal(builds, 2);
    // A constant the query holds stays in place among the values.
    const named = await templates.run<{ id: number }>('named', [2], ([min]) =>
      db
        .selectFrom('t')
        .select('id')
        .where('name', '!=', 'n4')
        .where('id', '>', min as number)
        .orderBy('id'),
    );
    assert.deepEqual(
      named.map((r) => r.id),
      [3, 5],
    );
  } finally {
    await handle.close();
  }
});
