import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffWords, type WordPart } from './word-diff.ts';

/** The parts as a compact string: [-removed-] {+added+}, shared text as is. */
const show = (parts: WordPart[]) => parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
const side = (parts: WordPart[], kind: 'removed' | 'added') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === kind)
    .map((p) => p.text)
    .join('');

test('only the changed words of a paragraph are marked', () => {
  const cases: Array<[string, string, string]> = [
    ['এ সময় পুতিন নিজে কিমকে স্বাগত জানান।', 'এ সময় পুতিন নিজে কিমকে স্বাগত জানান। পিয়ংইয়ং থেকে', 'এ সময় পুতিন নিজে কিমকে স্বাগত জানান।{+ পিয়ংইয়ং থেকে+}'],
    ['কিম জং উন রাশিয়া সফর করেছেন।', 'কিম জং উন চীন সফর করেছেন।', 'কিম জং উন [-রাশিয়া-]{+চীন+} সফর করেছেন।'],
    ['তিনি বৈঠক করেন।', 'তিনি দীর্ঘ বৈঠক করেন।', 'তিনি {+দীর্ঘ +}বৈঠক করেন।'],
    ['পুরোনো কথা', 'পুরোনো কথা', 'পুরোনো কথা'],
    ['', 'নতুন অনুচ্ছেদ', '{+নতুন অনুচ্ছেদ+}'],
    ['মুছে ফেলা', '', '[-মুছে ফেলা-]'],
  ];
  for (const [before, after, expected] of cases) assert.equal(show(diffWords(before, after)), expected, `${before} → ${after}`);
});

test('a Bengali word is one token: vowel signs, conjuncts and the joiners stay inside it', () => {
  // রাশিয়া → রাশিয়ার differs in one letter; the whole word is marked, never half a conjunct.
  assert.equal(show(diffWords('রাশিয়া সফর', 'রাশিয়ার সফর')), '[-রাশিয়া-]{+রাশিয়ার+} সফর');
  // র‍্যাব with its ZWJ against র্যাব without: one word each.
  assert.equal(show(diffWords('র\u200D্যাব সদস্য', 'র্যাব সদস্য')), '[-র\u200D্যাব-]{+র্যাব+} সদস্য');
  // Punctuation is its own token: a danda changed to a question mark leaves the word shared.
  assert.equal(show(diffWords('তিনি আসবেন।', 'তিনি আসবেন?')), 'তিনি আসবেন[-।-]{+?+}');
  assert.equal(show(diffWords('২০২৩ সালে', '২০২৪ সালে')), '[-২০২৩-]{+২০২৪+} সালে');
});

test('spaces between replaced words join one change; a lone insertion stays alone', () => {
  assert.equal(show(diffWords('এক দুই তিন', 'চার পাঁচ তিন')), '[-এক দুই-]{+চার পাঁচ+} তিন');
  assert.equal(show(diffWords('ক খ গ', 'ক ঘ খ ঙ গ')), 'ক {+ঘ +}খ{+ ঙ+} গ');
});

test('a text too long for the table is shown as replaced in the middle, shared ends kept', () => {
  const many = (w: string) => Array.from({ length: 1200 }, (_, i) => `${w}${i}`).join(' ');
  const parts = diffWords(`শুরু ${many('ক')} শেষ`, `শুরু ${many('খ')} শেষ`);
  assert.equal(parts[0]?.text, 'শুরু ');
  assert.equal(parts.at(-1)?.text, ' শেষ');
  assert.deepEqual(
    parts.map((p) => p.kind),
    ['same', 'removed', 'added', 'same'],
  );
});

test('each side put back together is exactly its text', () => {
  const word = fc.constantFrom('ঢাকা', 'ঢাকায়', 'পুতিন', 'কিম', 'র\u200D্যাব', '২০২৩', 'the', '।', ',', ' ', '  ', '\n');
  const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(''));
  fc.assert(
    fc.property(text, text, (before, after) => {
      const parts = diffWords(before, after);
      assert.equal(side(parts, 'removed'), before);
      assert.equal(side(parts, 'added'), after);
      for (let i = 1; i < parts.length; i++) assert.ok(!(parts[i]!.kind === 'same' && parts[i - 1]!.kind === 'same'), 'shared parts merged');
      assert.ok(parts.every((p) => p.text !== ''));
    }),
  );
});
