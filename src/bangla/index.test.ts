import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as bangla from './index.ts';

test('index re-exports the public API', () => {
  const expected = [
    'toBengaliDigits',
    'toAsciiDigits',
    'formatNumberBn',
    'zonedParts',
    'zonedDayRange',
    'isValidCalendarDay',
    'addDays',
    'formatIsoOffset',
    'formatHouseDateTime',
    'formatGregorianDate',
    'toBanglaDate',
    'formatBanglaDate',
    'toHijri',
    'formatHijri',
    'formatThreeCalendars',
    'threeCalendarLabels',
    'formatRelativeBn',
    'truncateGraphemes',
    'graphemeLength',
  ];
  for (const name of expected) assert.equal(typeof (bangla as Record<string, unknown>)[name], 'function', name);
  // zoned-date re-exports civil-date's functions: one binding, not two copies.
  assert.equal(bangla.addDays({ year: 2023, month: 12, day: 31 }, 1).year, 2024);
});

test('src/bangla imports nothing outside itself', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const dir = new URL('./', import.meta.url);
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    const source = await readFile(new URL(name, dir), 'utf8');
    for (const match of source.matchAll(/from '([^']+)'/g)) {
      assert.match(match[1] ?? '', /^\.\/[a-z-]+\.ts$/, `${name} imports ${match[1]}`);
    }
  }
});
