import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sectionTree } from './section-tree.ts';

test('sections come in tree order with their depth', () => {
  const s = (id: number, parentId: number | null, name: string, position: number) => ({ id, parentId, name, position, slug: '', path: '' });
  const tree = sectionTree([s(3, 1, 'এশিয়া', 1), s(2, null, 'জাতীয়', 1), s(1, null, 'আন্তর্জাতিক', 2), s(4, 1, 'ইউরোপ', 2)]);
  assert.deepEqual(
    tree.map((o) => [o.name, o.depth]),
    [
      ['জাতীয়', 0],
      ['আন্তর্জাতিক', 0],
      ['এশিয়া', 1],
      ['ইউরোপ', 1],
    ],
  );
});
