import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIsoOffset, zonedCivilDate, zonedDayRange, zonedParts, zoneOffsetMs } from './zoned-date.ts';

// The test runner sets TZ=America/New_York on purpose: every expectation below is for the
// zone named in the case, whatever the process zone is.

test('zonedParts reads the wall clock of the named zone', () => {
  const cases: Array<[string, string, [number, number, number, number, number, number, number]]> = [
    ['2023-09-13T10:57:00Z', 'Asia/Dhaka', [2023, 9, 13, 16, 57, 0, 3]],
    ['2023-09-13T18:30:00Z', 'Asia/Dhaka', [2023, 9, 14, 0, 30, 0, 4]], // already the 14th in Dhaka
    ['2023-09-13T18:00:00Z', 'Asia/Dhaka', [2023, 9, 14, 0, 0, 0, 4]], // midnight is hour 0, never 24
    ['2023-09-13T10:57:00Z', 'America/New_York', [2023, 9, 13, 6, 57, 0, 3]], // EDT, −04:00
    ['2023-09-13T10:57:00Z', 'Asia/Kolkata', [2023, 9, 13, 16, 27, 0, 3]],
    ['2023-09-13T10:57:00Z', 'Asia/Kathmandu', [2023, 9, 13, 16, 42, 0, 3]],
    ['2023-12-31T23:59:59Z', 'UTC', [2023, 12, 31, 23, 59, 59, 0]],
    ['2023-12-31T18:00:00Z', 'Asia/Dhaka', [2024, 1, 1, 0, 0, 0, 1]],
  ];
  for (const [iso, zone, [year, month, day, hour, minute, second, weekday]] of cases) {
    assert.deepEqual(zonedParts(new Date(iso), zone), { year, month, day, hour, minute, second, weekday }, `${iso} in ${zone}`);
  }
  assert.deepEqual(zonedCivilDate(new Date('2023-09-13T18:30:00Z'), 'Asia/Dhaka'), { year: 2023, month: 9, day: 14 });
  assert.throws(() => zonedParts(new Date(Number.NaN), 'Asia/Dhaka'), RangeError);
  assert.throws(() => zonedParts(new Date(0), 'Not/AZone'), RangeError);
});

test('zonedDayRange gives the UTC start of the day and of the next day', () => {
  // [zone, date, start, end, hours in that local day, why]
  const cases: Array<[string, [number, number, number], string, string, number, string]> = [
    ['Asia/Dhaka', [2023, 9, 13], '2023-09-12T18:00:00Z', '2023-09-13T18:00:00Z', 24, '+06:00 all year'],
    ['UTC', [2024, 2, 29], '2024-02-29T00:00:00Z', '2024-03-01T00:00:00Z', 24, 'leap day'],
    ['America/New_York', [2024, 3, 10], '2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z', 23, 'DST starts 02:00'],
    ['America/New_York', [2024, 11, 3], '2024-11-03T04:00:00Z', '2024-11-04T05:00:00Z', 25, 'DST ends 02:00'],
    ['America/Havana', [2024, 3, 10], '2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z', 23, 'midnight skipped: day starts 01:00'],
    ['America/Havana', [2024, 3, 9], '2024-03-09T05:00:00Z', '2024-03-10T05:00:00Z', 24, 'the day before that gap'],
    ['America/Havana', [2024, 11, 3], '2024-11-03T04:00:00Z', '2024-11-04T05:00:00Z', 25, 'midnight twice: first one counts'],
    ['Asia/Beirut', [2024, 3, 31], '2024-03-30T22:00:00Z', '2024-03-31T21:00:00Z', 23, 'midnight skipped'],
    ['America/Sao_Paulo', [2018, 11, 4], '2018-11-04T03:00:00Z', '2018-11-05T02:00:00Z', 23, 'midnight skipped'],
    ['America/Sao_Paulo', [2019, 2, 16], '2019-02-16T02:00:00Z', '2019-02-17T03:00:00Z', 25, '24:00 back to 23:00'],
    ['Asia/Dhaka', [2009, 6, 19], '2009-06-18T18:00:00Z', '2009-06-19T17:00:00Z', 23, "Bangladesh's 2009 DST began 23:00"],
    ['Asia/Dhaka', [2009, 12, 31], '2009-12-30T17:00:00Z', '2009-12-31T18:00:00Z', 25, 'and ended at 24:00 on 31 Dec'],
  ];
  for (const [zone, [y, m, d], start, end, hours, why] of cases) {
    const range = zonedDayRange(y, m, d, zone);
    const label = `${zone} ${y}-${m}-${d} (${why})`;
    assert.equal(range.start.toISOString(), new Date(start).toISOString(), label);
    assert.equal(range.end.toISOString(), new Date(end).toISOString(), label);
    assert.equal((range.end.getTime() - range.start.getTime()) / 3_600_000, hours, label);
    // The start reads as that day; one second earlier is the previous day.
    assert.deepEqual(zonedCivilDate(range.start, zone), { year: y, month: m, day: d }, label);
    assert.notDeepEqual(zonedCivilDate(new Date(range.start.getTime() - 1000), zone), { year: y, month: m, day: d }, label);
  }
  assert.throws(() => zonedDayRange(2023, 2, 29, 'Asia/Dhaka'), RangeError);
});

test('formatIsoOffset prints local time with the offset in force', () => {
  const cases: Array<[string, string, string]> = [
    ['2023-09-13T10:57:00Z', 'Asia/Dhaka', '2023-09-13T16:57:00+06:00'],
    ['2023-09-13T10:57:00Z', 'America/New_York', '2023-09-13T06:57:00-04:00'],
    ['2023-01-13T10:57:00Z', 'America/New_York', '2023-01-13T05:57:00-05:00'],
    ['2023-09-13T10:57:00Z', 'Asia/Kolkata', '2023-09-13T16:27:00+05:30'],
    ['2023-09-13T10:57:00Z', 'Asia/Kathmandu', '2023-09-13T16:42:00+05:45'],
    ['2023-09-13T10:57:00Z', 'UTC', '2023-09-13T10:57:00+00:00'],
    ['2009-07-01T00:00:00Z', 'Asia/Dhaka', '2009-07-01T07:00:00+07:00'], // Bangladesh DST 2009
    ['2023-09-13T18:30:00.999Z', 'Asia/Dhaka', '2023-09-14T00:30:00+06:00'], // milliseconds dropped
  ];
  for (const [iso, zone, expected] of cases) {
    const text = formatIsoOffset(new Date(iso), zone);
    assert.equal(text, expected, `${iso} in ${zone}`);
    assert.equal(new Date(text).getTime(), Math.floor(new Date(iso).getTime() / 1000) * 1000);
  }
});

test('zoneOffsetMs', () => {
  assert.equal(zoneOffsetMs(new Date('2023-09-13T10:57:00Z'), 'Asia/Dhaka'), 6 * 3_600_000);
  assert.equal(zoneOffsetMs(new Date('2023-09-13T10:57:00Z'), 'America/New_York'), -4 * 3_600_000);
});

test('zonedParts counted from the remembered hourly offset agrees with Intl, across DST switches', () => {
  const zones = [
    'Asia/Dhaka',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'America/Havana',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'America/St_Johns',
  ];
  const formats = new Map<string, Intl.DateTimeFormat>();
  const intl = (ms: number, zone: string) => {
    let f = formats.get(zone);
    if (!f)
      formats.set(
        zone,
        (f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        })),
      );
    const p = Object.fromEntries(
      f
        .formatToParts(new Date(ms))
        .filter((x) => x.type !== 'literal')
        .map((x) => [x.type, Number(x.value)]),
    );
    return [p.year, p.month, p.day, p.hour, p.minute, p.second];
  };
  for (const zone of zones) {
    // Every 97 minutes and 13 seconds through 2024 (which has every zone's switches), and around
    // each hour in which the offset changes, second by second.
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 97 * 60_000 + 13_000) {
      const p = zonedParts(new Date(ms), zone);
      assert.deepEqual([p.year, p.month, p.day, p.hour, p.minute, p.second], intl(ms, zone), `${new Date(ms).toISOString()} in ${zone}`);
      const next = ms + 97 * 60_000 + 13_000;
      if (zoneOffsetMs(new Date(next), zone) !== zoneOffsetMs(new Date(ms), zone)) {
        for (let s = ms; s <= next; s += 61_000) {
          const q = zonedParts(new Date(s), zone);
          assert.deepEqual([q.year, q.month, q.day, q.hour, q.minute, q.second], intl(s, zone), `${new Date(s).toISOString()} in ${zone}`);
        }
      }
    }
  }
  // Historical local mean time: an offset with seconds.
  const lmt = Date.UTC(1880, 5, 1, 12, 0, 0);
  const p = zonedParts(new Date(lmt), 'Asia/Dhaka');
  assert.deepEqual([p.year, p.month, p.day, p.hour, p.minute, p.second], intl(lmt, 'Asia/Dhaka'));
});
