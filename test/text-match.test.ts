import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { textMatches } from '../src/db/text-match.ts';

const NAMES = ['Dhaka Tribune', 'DHAKA LIVE', 'ঢাকা উত্তর', '50% ছাড়', '500 টাকা', 'a_b', 'axb', 'back\\slash'];

// The contract: a filter finds the same rows whichever database runs it.
for (const dialect of DIALECTS) {
  describe(`newsroom text filters (${dialect})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
      const now = new Date().toISOString();
      await t.db
        .insertInto('tags')
        .values(NAMES.map((name, i) => ({ id: i + 1, slug: `tag-${i + 1}`, name, created_at: now })))
        .execute();
    });
    after(() => t.destroy());

    const find = async (text: string, where: 'contains' | 'starts') =>
      (
        await t.db
          .selectFrom('tags')
          .select('name')
          .where(textMatches('name', text, where))
          .orderBy('id')
          .execute()
      ).map((r) => r.name);

    test('Latin letters match whatever their case', async () => {
      assert.deepEqual(await find('dhaka', 'contains'), ['Dhaka Tribune', 'DHAKA LIVE']);
      assert.deepEqual(await find('LIVE', 'contains'), ['DHAKA LIVE']);
      assert.deepEqual(await find('dha', 'starts'), ['Dhaka Tribune', 'DHAKA LIVE']);
    });

    test('Bengali matches as written', async () => {
      assert.deepEqual(await find('ঢাকা', 'starts'), ['ঢাকা উত্তর']);
      assert.deepEqual(await find('উত্তর', 'contains'), ['ঢাকা উত্তর']);
    });

    test('%, _ and \\ typed by the user match themselves, not anything', async () => {
      assert.deepEqual(await find('50%', 'contains'), ['50% ছাড়']);
      assert.deepEqual(await find('a_b', 'contains'), ['a_b']);
      assert.deepEqual(await find('\\', 'contains'), ['back\\slash']);
      assert.deepEqual(await find('%', 'starts'), []);
    });
  });
}
