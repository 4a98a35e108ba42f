import { test } from 'node:test';
import assert from 'node:assert/strict';
import { divisions, districts, findDistrict, findDivision } from './places-data.ts';

const bengaliOnly = /^[\p{Script=Bengali}\p{M} ]+$/u;

test('8 divisions with the expected slugs and names', () => {
  assert.equal(divisions.length, 8);
  assert.deepEqual(
    divisions.map((d) => d.slug),
    ['dhaka', 'chattogram', 'rajshahi', 'khulna', 'barishal', 'sylhet', 'rangpur', 'mymensingh'],
  );
  assert.deepEqual(
    divisions.map((d) => d.name),
    ['ঢাকা', 'চট্টগ্রাম', 'রাজশাহী', 'খুলনা', 'বরিশাল', 'সিলেট', 'রংপুর', 'ময়মনসিংহ'],
  );
});

test('64 districts, counted per division', () => {
  assert.equal(districts.length, 64);
  const expected: Record<string, number> = {
    dhaka: 13,
    chattogram: 11,
    rajshahi: 8,
    khulna: 10,
    barishal: 6,
    sylhet: 4,
    rangpur: 8,
    mymensingh: 4,
  };
  const counts: Record<string, number> = {};
  for (const d of districts) counts[d.division] = (counts[d.division] ?? 0) + 1;
  assert.deepEqual(counts, expected);
});

test('slugs and names are unique, slugs ASCII, names Bengali script only', () => {
  for (const list of [divisions, districts]) {
    assert.equal(new Set(list.map((d) => d.slug)).size, list.length);
    assert.equal(new Set(list.map((d) => d.name)).size, list.length);
    for (const d of list) {
      assert.match(d.slug, /^[a-z]+(-[a-z]+)*$/, d.slug);
      assert.match(d.name, bengaliOnly, d.name);
      assert.equal(d.name, d.name.normalize('NFC'), `${d.slug} is not NFC`);
    }
  }
});

test('current official spellings', () => {
  const byName = new Map(districts.map((d) => [d.slug, d.name]));
  assert.equal(byName.get('cumilla'), 'কুমিল্লা');
  assert.equal(byName.get('coxs-bazar'), 'কক্সবাজার');
  assert.equal(byName.get('chapai-nawabganj'), 'চাঁপাইনবাবগঞ্জ');
  assert.equal(byName.get('jashore'), 'যশোর');
  assert.equal(byName.get('bogura'), 'বগুড়া');
  assert.equal(byName.get('barishal'), 'বরিশাল');
  assert.equal(byName.get('chattogram'), 'চট্টগ্রাম');
  assert.equal(findDistrict('cumilla')?.division, 'chattogram');
  assert.equal(findDistrict('comilla'), undefined);
  assert.equal(findDivision('sylhet')?.name, 'সিলেট');
});
