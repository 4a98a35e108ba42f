import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzer } from '../bangla/analyzer/analyzer.ts';
import { itemKeys, matchTyped, readTyped } from './suggest-keys.ts';
import { WordIndex, type Keyed } from './word-index.ts';

const analyzer = createAnalyzer();

function matches(names: string[], typed: string): Array<[string, boolean]> {
  const index = new WordIndex<Keyed & { name: string }>();
  index.reset(names.map((name) => ({ name, ...itemKeys(name, analyzer) })));
  const reading = readTyped(typed, analyzer);
  const out: Array<[string, boolean]> = [];
  if (reading) matchTyped(index, reading, (item, whole) => out.push([item.name, whole]));
  return out.sort(([a], [b]) => a.localeCompare(b));
}

describe('suggestion keys', () => {
  it('a word of the name starting with the typed text counts; the name starting with it is whole', () => {
    assert.deepEqual(matches(['ভ্লাদিমির পুতিন', 'পুতিনের সফর', 'পুরান ঢাকা'], 'পুতি'), [
      ['পুতিনের সফর', true],
      ['ভ্লাদিমির পুতিন', false],
    ]);
  });

  it('folds spellings: ী/ি, nukta, ZWJ, Bengali and ASCII digits, letter case', () => {
    const names = ['ভ্লাদিমির পুতিন', 'রাশিয়া', 'বিশ্বকাপ ২০২৬', 'BPL ক্রিকেট'];
    for (const [typed, name] of [
      ['পুতীন', 'ভ্লাদিমির পুতিন'],
      ['পু\u200Dতিন', 'ভ্লাদিমির পুতিন'],
      ['রাশি\u09DF', 'রাশিয়া'],
      ['বিশ্বকাপ 20', 'বিশ্বকাপ ২০২৬'],
      ['২০২', 'বিশ্বকাপ ২০২৬'],
      ['bpl', 'BPL ক্রিকেট'],
    ]) {
      assert.deepEqual(
        matches(names, typed!).map(([n]) => n),
        [name],
        typed,
      );
    }
  });

  it('an inflected typed word meets the stem, and a stem an inflected name', () => {
    assert.deepEqual(matches(['ভ্লাদিমির পুতিন'], 'পুতিনের'), [['ভ্লাদিমির পুতিন', false]]);
    assert.deepEqual(matches(['ঢাকার যানজট'], 'ঢাকা যান'), [['ঢাকার যানজট', true]]);
  });

  it('reads Latin letters as Avro, and as themselves', () => {
    const typed = readTyped('putin', analyzer);
    assert.equal(typed?.transliterated, true);
    assert.deepEqual(matches(['ভ্লাদিমির পুতিন'], 'put'), [['ভ্লাদিমির পুতিন', false]]);
    assert.deepEqual(matches(['ঢাকা উত্তর'], 'dhaka'), [['ঢাকা উত্তর', true]]);
    assert.equal(readTyped('পুতিন', analyzer)?.transliterated, false);
  });

  it('earlier words must be there too, in any order; stop words among them need not', () => {
    const names = ['মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক', 'কিম জং উন'];
    assert.deepEqual(
      matches(names, 'কিম পুতি').map(([n]) => n),
      ['মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক'],
    );
    assert.deepEqual(
      matches(names, 'পুতিন ও কি').map(([n]) => n),
      ['মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক'],
    );
  });

  it('nothing to read in symbols and joiners alone', () => {
    for (const typed of ['!!!', '\u200D', '"', '— ,']) assert.equal(readTyped(typed, analyzer), undefined, typed);
  });
});
