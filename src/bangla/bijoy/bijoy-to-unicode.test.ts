import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bijoyToUnicode } from './bijoy-to-unicode.ts';

type Case = readonly [bijoy: string, unicode: string];

function check(cases: readonly Case[]): void {
  for (const [input, expected] of cases) assert.equal(bijoyToUnicode(input), expected.normalize('NFC'), input);
}

test('converts the examples in BANGLA.md §4', () => {
  check([
    ['Avgvi †mvbvi evsjv, Avwg †Zvgvq fv‡jvevwm|', 'আমার সোনার বাংলা, আমি তোমায় ভালোবাসি।'],
    ['fvlvšÍi', 'ভাষান্তর'],
    ['g„Zz¨', 'মৃত্যু'],
    ['Kg©KZ©vi e¨w³MZ', 'কর্মকর্তার ব্যক্তিগত'],
  ]);
});

test('joins ে…া into ো and ে…ৗ into ৌ, with either ে glyph', () => {
  check([
    ['†Kv_vq', 'কোথায়'],
    ['‡Kv_vq', 'কোথায়'],
    ['†QvU', 'ছোট'],
    ['‡gŠwjK', 'মৌলিক'],
    ['†KŠkj', 'কৌশল'],
    ['†cuŠ‡Q', 'পৌঁছে'], // ঁ typed between the two halves of ৌ
    ['ˆ`wbK', 'দৈনিক'],
    ['‰bwZK', 'নৈতিক'],
  ]);
});

test('moves the reph before its cluster', () => {
  check([
    ['ag©', 'ধর্ম'],
    ['a‡g©', 'ধর্মে'],
    ['Kvh©vjq', 'কার্যালয়'],
    ['m¤úK©', 'সম্পর্ক'],
    ['EaŸ©', 'ঊর্ধ্ব'], // before a conjunct
    ['KvwË©K', 'কার্ত্তিক'], // before a conjunct that also takes ি
    ['Avš—R©vwZK', 'আন্তর্জাতিক'],
  ]);
});

test('moves ি after the whole conjunct', () => {
  check([
    ['cwðg', 'পশ্চিম'],
    ['w¯’i', 'স্থির'],
    ['e¨w³', 'ব্যক্তি'],
    ['wek¦', 'বিশ্ব'],
  ]);
});

test('turns phala glyphs into ্য ্র ্ব ্ম ্ল', () => {
  check([
    ['e¨vsK', 'ব্যাংক'],
    ['mÜ¨v', 'সন্ধ্যা'],
    ['i¨ve', 'র\u200D্যাব'], // ZWJ keeps র + য-ফলা from becoming a reph
    ['cÖ_g', 'প্রথম'],
    ['MÖvg', 'গ্রাম'],
    ['QvÎ', 'ছাত্র'],
    ['`ªæZ', 'দ্রুত'],
    ['ivR¯^', 'রাজস্ব'],
    ['¸iæZ¡', 'গুরুত্ব'],
    ['AvZ¥v', 'আত্মা'],
    ['A¤\u00AD', 'অম্ল'],
    ['weKí', 'বিকল্প'],
  ]);
});

test('converts conjunct glyphs', () => {
  check([
    ['wkÿv', 'শিক্ষা'],
    ['j²x', 'লক্ষ্মী'], // ² is ক্ষ্ম, not ক্ষ্ণ
    ['weÁvb', 'বিজ্ঞান'],
    ['cÂvk', 'পঞ্চাশ'],
    ['Kgv›Wvi', 'কমান্ডার'],
    ['Kgv‡Ûv', 'কমান্ডো'],
    ['†÷kb', 'স্টেশন'],
    ['mßvn', 'সপ্তাহ'],
    ['cÖwZôvb', 'প্রতিষ্ঠান'],
    ['K…ò', 'কৃষ্ণ'],
    ['hy×', 'যুদ্ধ'],
    ['DËi', 'উত্তর'],
  ]);
});

test('converts digits, taka, quotes and dandas', () => {
  check([
    ['0123456789', '০১২৩৪৫৬৭৮৯'],
    ['$500', '৳৫০০'],
    ['g~j¨ 250 UvKv ($250)', 'মূল্য ২৫০ টাকা (৳২৫০)'],
    ['ÒAvwgÓ', '“আমি”'],
    ['ÔbvÕ', '‘না’'],
    ['“Avwg”', '“আমি”'], // real curly quotes at word edges stay quotes
    ['Avwg — Zzwg', 'আমি — তুমি'], // a free-standing dash is not ্ত
    ['Avwg|', 'আমি।'],
    ['Avwg||', 'আমি॥'],
  ]);
});

test('converts hasanta, chandrabindu, ং ঃ ৎ and the nukta letters', () => {
  check([
    ['evK&', 'বাক্'],
    ['evK&mvR', 'বাক্\u200Cসাজ'], // a typed hasanta does not make a conjunct
    ['Pvu`', 'চাঁদ'],
    ['Ges', 'এবং'],
    ['Bs‡iwR', 'ইংরেজি'],
    ['`ytL', 'দুঃখ'],
    ['nVvr', 'হঠাৎ'],
    ['Drme', 'উৎসব'],
    ['evwo', 'বা\u09DCি'],
    ['Avlvp', 'আষা\u09DD'],
    ['mgq', 'সম\u09DF'],
  ]);
});

test('keeps ASCII punctuation, empty text and line structure', () => {
  check([
    ['', ''],
    ['XvKv, 13 †m‡Þ¤^i (evmm) -', 'ঢাকা, ১৩ সেপ্টেম্বর (বাসস) -'],
    ['Zzwg †Kgb Av‡Qv? fv‡jv!', 'তুমি কেমন আছো? ভালো!'],
    ['evsjv‡`k: 50%', 'বাংলাদেশ: ৫০%'],
    ['Avwg\nZzwg\n\nAvgiv', 'আমি\nতুমি\n\nআমরা'],
    ['Avwg\r\nZzwg\r\n', 'আমি\r\nতুমি\r\n'],
  ]);
});

test('output is NFC: য় ড় ঢ় as base + nukta, byte for byte as BANGLA.md writes them', () => {
  const inputs = ['Avgvi †mvbvi evsjv, Avwg †Zvgvq fv‡jvevwm|', '‡gŠwjK', '†cuŠ‡Q', 'evwo Avlvp', 'cÖwZôvb'];
  for (const input of inputs) {
    const output = bijoyToUnicode(input);
    assert.equal(output, output.normalize('NFC'), input);
    assert.doesNotMatch(output, /[\u09DC\u09DD\u09DF]/, input);
  }
  // The example exactly as BANGLA.md spells it: তোমায় ends in U+09AF U+09BC.
  assert.equal(
    bijoyToUnicode('Avgvi †mvbvi evsjv, Avwg †Zvgvq fv‡jvevwm|'),
    '\u0986\u09AE\u09BE\u09B0 \u09B8\u09CB\u09A8\u09BE\u09B0 \u09AC\u09BE\u0982\u09B2\u09BE, \u0986\u09AE\u09BF \u09A4\u09CB\u09AE\u09BE\u09AF\u09BC \u09AD\u09BE\u09B2\u09CB\u09AC\u09BE\u09B8\u09BF\u0964',
  );
});
