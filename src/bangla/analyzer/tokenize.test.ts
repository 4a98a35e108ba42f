import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.ts';
import { segmentWords } from './segment-words.ts';

test('tokenize keeps Bengali words whole and gives offsets in the original text', () => {
  const text = 'শিক্ষার্থীদের র\u200D্যাব ৬.৯ মাত্রার।';
  const tokens = tokenize(text);
  assert.deepEqual(
    tokens.map((t) => t.token),
    ['শিক্ষার্থিদের', 'র্যাব', '6.9', 'মাত্রার'],
  );
  for (const { start, end } of tokens) assert.ok(text.slice(start, end).length > 0);
  assert.equal(text.slice(tokens[1]?.start, tokens[1]?.end), 'র\u200D্যাব');
  assert.equal(text.slice(tokens[3]?.start, tokens[3]?.end), 'মাত্রার');
});

test('tokenize splits and joins as documented', () => {
  const cases: Array<[string, string[], string]> = [
    ['১০,০০০ টাকা', ['10,000', 'টাকা'], 'grouped number is one token'],
    ['২০২৩।', ['2023'], 'danda ends the number'],
    ['মো.আলী', ['মো', 'আলি'], 'abbreviation point separates'],
    ['মোঃ আলী', ['মো', 'আলি'], 'visarga abbreviation'],
    ['৫০টি', ['50', 'টি'], 'classifier split from the number'],
    ['১২.৩০টায়', ['12.30', 'টায়'], 'time split from its suffix'],
    ['covid19 g20', ['covid19', 'g20'], 'Latin stays glued to digits'],
    ["Bangladesh's", ['bangladesh', 's'], 'apostrophe separates'],
    ['কেউ-না-কেউ', ['কেউ', 'না', 'কেউ'], 'hyphen separates'],
    ['বাং\u200Bলা', ['বাংলা'], 'ZWSP inside a word is repaired'],
    ['ক\u09CD\u200Cষ', ['ক্ষ'], 'ZWNJ inside a word'],
    ['৳৫০০ ২০২৩.', ['500', '2023'], 'symbols and a final dot separate'],
    ['', [], 'empty'],
  ];
  for (const [text, expected, why] of cases) {
    assert.deepEqual(
      tokenize(text).map((t) => t.token),
      expected,
      why,
    );
  }
});

test('the scanner finds the same words as Intl.Segmenter with repairs', () => {
  const texts = [
    'ঢাকায় শিক্ষার্থীদের বিক্ষোভ, পুলিশের সঙ্গে সংঘর্ষে আহত ১০০',
    'রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন বলেছেন, "ইউক্রেনে যুদ্ধ চলবে"।',
    'র\u200D্যাবের অভিযানে ৬.৯ কেজি সোনা উদ্ধার; মূল্য ১০,০০০,০০০ টাকা',
    'মোঃ আব্দুল হামিদ (৭৮) আজ সকাল ১০টায় বঙ্গভবনে — খবর বাসস',
    'উত\u09CD\u200Dসব ও হঠাত্ বৃষ্টি: COVID-19 ও Bangladesh\u2019s GDP 5.8% বেড়েছে',
    'বাং\u200Bলা শি\u00ADক্ষা \uFEFFখবর ক\u09CD\u200Cষ ২০২৩।২০২৪॥ 2025|',
  ];
  for (const text of texts) assert.deepEqual(tokenize(text), segmentWords(text), text);
});

test('tokenize uses ICU dictionaries for Thai and Chinese', () => {
  assert.deepEqual(
    tokenize('ภาษาไทย 中文 ঢাকা').map((t) => t.token),
    ['ภาษา', 'ไทย', '中文', 'ঢাকা'],
  );
});
