import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scheduleParts, scheduleValue, typedDigits, type ScheduleParts } from './schedule-parts.ts';

test('a value shown in parts: Bengali digits and a 12-hour clock, or ASCII in English', () => {
  assert.deepEqual(scheduleParts('2030-09-13T16:57', 'bn'), { day: '১৩', month: 9, year: '২০৩০', hour: '০৪', minute: '৫৭', pm: true });
  assert.deepEqual(scheduleParts('2030-09-03T00:05', 'en'), { day: '3', month: 9, year: '2030', hour: '12', minute: '05', pm: false });
  assert.deepEqual(scheduleParts('2030-09-03T12:00', 'bn'), { day: '৩', month: 9, year: '২০৩০', hour: '১২', minute: '০০', pm: true });
});

test('parts back to the wall-clock value; midnight and noon as the house writes them', () => {
  const at = (over: Partial<ScheduleParts>): string | undefined =>
    scheduleValue({ day: '১৩', month: 9, year: '২০৩০', hour: '০৪', minute: '৫৭', pm: true, ...over });
  assert.equal(at({}), '2030-09-13T16:57');
  assert.equal(at({ hour: '১২', minute: '০০', pm: false }), '2030-09-13T00:00', '১২:০০ এএম is midnight');
  assert.equal(at({ hour: '১২', minute: '০০', pm: true }), '2030-09-13T12:00', '১২:০০ পিএম is noon');
  assert.equal(at({ day: '3', year: '2030', hour: '9', minute: '5', pm: false }), '2030-09-03T09:05', 'ASCII digits, no leading zeros');
  for (const bad of [
    { day: '৩১' },
    { day: '' },
    { day: '০' },
    { year: '৩০' },
    { hour: '১৩' },
    { hour: '০' },
    { minute: '৬০' },
    { minute: '' },
    { minute: '৫ক' },
  ]) {
    assert.equal(at(bad), undefined, JSON.stringify(bad));
  }
  assert.equal(at({ month: 2, day: '২৯', year: '২০২৮' }), '2028-02-29T16:57', 'a leap day');
  assert.equal(at({ month: 2, day: '২৯', year: '২০২৯' }), undefined);
});

test('a number field keeps digits only, in the language of the screen', () => {
  assert.equal(typedDigits('1৩', 2, 'bn'), '১৩');
  assert.equal(typedDigits('১৩', 2, 'en'), '13');
  assert.equal(typedDigits('2o3x0', 4, 'bn'), '২৩০');
  assert.equal(typedDigits('123', 2, 'bn'), '১২');
});

test('what is shown is read back as the same value', () => {
  for (const value of ['2030-01-01T00:00', '2030-12-31T23:59', '2031-06-15T12:30', '2031-06-15T11:59']) {
    for (const locale of ['bn', 'en'] as const) assert.equal(scheduleValue(scheduleParts(value, locale)), value, `${value} ${locale}`);
  }
});
