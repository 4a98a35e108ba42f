// Properties of slugs, digits and the house date format over any input (fast-check, fixed seed:
// see test/helpers/arbitraries.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty, hostileText } from '../../test/helpers/arbitraries.ts';
import { formatGregorianDate, formatHouseDateTime } from './date-format.ts';
import { formatNumberBn, toAsciiDigits, toBengaliDigits } from './digits.ts';
import { slugify } from './slug.ts';
import { truncateGraphemes } from './truncate.ts';

const LATIN_DIGIT = /[0-9]/;

test('slugify: any text gives an NFC slug of letters, marks and digits joined by single hyphens, within the limit, and a slug is its own slug', () => {
  checkProperty(
    fc.property(hostileText(), fc.integer({ min: 1, max: 80 }), (text, max) => {
      const slug = slugify(text, max);
      assert.equal(slug, slug.normalize('NFC'), `slug ${JSON.stringify(slug)} is not NFC`);
      assert.match(slug, /^(?:[\p{L}\p{M}\p{Nd}]+(?:-[\p{L}\p{M}\p{Nd}]+)*)?$/u);
      assert.ok([...slug].length <= max);
      assert.equal(slug, slug.toLowerCase());
      assert.equal(slugify(slug, max), slug);
    }),
    1000,
  );
});

test('slugify: a joiner or a capital that lower-cases to a mark no longer leaves a slug that is not NFC (bugs found by the properties)', () => {
  // ে ZWJ া: the ZWJ was dropped after NFC, leaving ে া where NFC writes ো.
  assert.equal(slugify('কে\u200dাথায়'), 'কোথায়'.normalize('NFC'));
  assert.equal(slugify('İ্'), 'i\u09cd\u0307');
});

test('digits: Bengali and ASCII digits convert both ways and nothing else changes', () => {
  checkProperty(
    fc.property(hostileText(), (text) => {
      const bengali = toBengaliDigits(text);
      assert.doesNotMatch(bengali, LATIN_DIGIT);
      assert.equal(bengali.length, text.length);
      assert.equal(toBengaliDigits(toAsciiDigits(bengali)), bengali);
    }),
    500,
  );
  checkProperty(
    fc.property(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 1e21, 1e-7, Number.MAX_VALUE, -Number.MIN_VALUE)), (n) => {
      const shown = formatNumberBn(n);
      assert.doesNotMatch(shown, LATIN_DIGIT, shown);
      if (Number.isSafeInteger(n)) assert.equal(Number(toAsciiDigits(shown).replaceAll(',', '')), n === 0 ? 0 : n);
    }),
    1000,
  );
});

test('the house date format: any instant from year 1 to 9999 gives Bengali digits and the house shape', () => {
  const instant = fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true });
  checkProperty(
    fc.property(instant, fc.constantFrom('Asia/Dhaka', 'UTC', 'America/New_York', 'Asia/Kathmandu'), (date, zone) => {
      const text = formatHouseDateTime(date, zone);
      assert.doesNotMatch(text, LATIN_DIGIT);
      assert.match(text, /^[০-৯]{1,2} \S+ [০-৯]{1,4}, [০-৯]{2}:[০-৯]{2} (?:এএম|পিএম)$/u);
    }),
    500,
  );
  checkProperty(
    fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (year, month, day) => {
      assert.doesNotMatch(formatGregorianDate({ year, month, day }), LATIN_DIGIT);
    }),
    300,
  );
});

test('truncateGraphemes never throws and never returns more than it was given', () => {
  checkProperty(
    fc.property(hostileText(), fc.integer({ min: 0, max: 30 }), (text, max) => {
      const cut = truncateGraphemes(text, max);
      assert.ok(cut.length <= text.length + 1);
    }),
    500,
  );
});
