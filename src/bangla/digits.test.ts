import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumberBn, toAsciiDigits, toBengaliDigits } from './digits.ts';

test('toBengaliDigits maps only ASCII digits', () => {
  const cases: Array<[string | number, string]> = [
    [0, '০'],
    [1234567890, '১২৩৪৫৬৭৮৯০'],
    ['2023-09-13', '২০২৩-০৯-১৩'],
    ['ঢাকা 24', 'ঢাকা ২৪'],
    ['no digits', 'no digits'],
    [-3.5, '-৩.৫'],
    ['২০২৩', '২০২৩'],
  ];
  for (const [input, expected] of cases) assert.equal(toBengaliDigits(input), expected, String(input));
});

test('toAsciiDigits is the reverse', () => {
  const cases: Array<[string, string]> = [
    ['০১২৩৪৫৬৭৮৯', '0123456789'],
    ['১৩ সেপ্টেম্বর ২০২৩', '13 সেপ্টেম্বর 2023'],
    ['2023', '2023'],
    ['', ''],
  ];
  for (const [input, expected] of cases) assert.equal(toAsciiDigits(input), expected, input);
  assert.equal(toAsciiDigits(toBengaliDigits('a1b2c3 9876')), 'a1b2c3 9876');
});

test('formatNumberBn groups by lakh and crore', () => {
  const cases: Array<[number, string]> = [
    [0, '০'],
    [-0, '০'],
    [7, '৭'],
    [999, '৯৯৯'],
    [1000, '১,০০০'],
    [99999, '৯৯,৯৯৯'],
    [100000, '১,০০,০০০'], // one lakh
    [12345678, '১,২৩,৪৫,৬৭৮'],
    [123456789, '১২,৩৪,৫৬,৭৮৯'], // what Intl.NumberFormat('bn-BD') also prints
    [10000000, '১,০০,০০,০০০'], // one crore
    [-1234567, '-১২,৩৪,৫৬৭'],
    [1234.5, '১,২৩৪.৫'],
    [-1234567.891, '-১২,৩৪,৫৬৭.৮৯১'],
    [0.25, '০.২৫'],
    [1e-7, '০.০০০০০০১'], // String() would give 1e-7
    [1e21, '১,০০,০০,০০,০০,০০,০০,০০,০০,০০,০০০'], // 22 digits; String() would give 1e+21
  ];
  for (const [input, expected] of cases) assert.equal(formatNumberBn(input), expected, String(input));
});

test('formatNumberBn agrees with Intl bn-BD on integers', () => {
  const intl = new Intl.NumberFormat('bn-BD');
  for (const n of [1, 12, 123, 1234, 12345, 123456, 1234567, 12345678, 123456789, 1234567890, -98765]) {
    assert.equal(formatNumberBn(n), intl.format(n), String(n));
  }
});

test('formatNumberBn keeps non-finite values readable', () => {
  assert.equal(formatNumberBn(Number.NaN), 'NaN');
  assert.equal(formatNumberBn(-Infinity), '-Infinity');
});
