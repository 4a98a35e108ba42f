import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WordIndex, type Keyed } from './word-index.ts';

const item = (name: string): Keyed & { name: string } => ({ name, keys: [name], words: new Set(name.split(' ')) });
const found = (index: WordIndex<ReturnType<typeof item>>, prefix: string) => {
  const out = new Set<string>();
  index.eachWithPrefix(prefix, (i) => out.add(i.name));
  return [...out].sort();
};

describe('WordIndex', () => {
  it('finds the items a word of which starts with the prefix, and no others', () => {
    const index = new WordIndex<ReturnType<typeof item>>();
    index.reset([item('ভ্লাদিমির পুতিন'), item('পুতুল নাচ'), item('কিম জং উন'), item('পুর্তগাল')]);
    assert.deepEqual(found(index, 'পুত'), ['পুতুল নাচ', 'ভ্লাদিমির পুতিন']);
    assert.deepEqual(found(index, 'পু'), ['পুতুল নাচ', 'পুর্তগাল', 'ভ্লাদিমির পুতিন']);
    assert.deepEqual(found(index, 'জং'), ['কিম জং উন']);
    assert.deepEqual(found(index, 'ঝ'), []);
    assert.deepEqual(found(index, ''), []);
  });

  it('keeps its order through additions and removals', () => {
    const index = new WordIndex<ReturnType<typeof item>>();
    const items = ['ঢাকা উত্তর', 'ঢাকার যানজট', 'খুলনা', 'ঢালিউড'].map(item);
    for (const i of items) index.add(i);
    assert.deepEqual(found(index, 'ঢা'), ['ঢাকা উত্তর', 'ঢাকার যানজট', 'ঢালিউড']);
    index.remove(items[0]!);
    assert.deepEqual(found(index, 'ঢাক'), ['ঢাকার যানজট']);
    assert.deepEqual(found(index, 'উত্ত'), [], 'a word no item holds any more is gone');
    assert.equal(index.size, 4);
    index.remove(items[0]!); // twice does no harm
    index.add(items[0]!);
    assert.deepEqual(found(index, 'ঢাক'), ['ঢাকা উত্তর', 'ঢাকার যানজট']);
  });
});
