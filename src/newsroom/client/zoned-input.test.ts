import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localInputToUtc, utcToLocalInput } from './zoned-input.ts';

test('a Dhaka wall-clock time is sent as UTC six hours earlier', () => {
  assert.equal(localInputToUtc('2026-11-27T12:00', 'Asia/Dhaka'), '2026-11-27T06:00:00.000Z');
  assert.equal(localInputToUtc('2026-11-28T03:30', 'Asia/Dhaka'), '2026-11-27T21:30:00.000Z');
});

test('a UTC time is shown as Dhaka wall-clock time, whatever the process zone', () => {
  assert.equal(utcToLocalInput('2026-11-27T21:30:00.000Z', 'Asia/Dhaka'), '2026-11-28T03:30');
});

test('zones with daylight saving round-trip', () => {
  assert.equal(localInputToUtc('2026-07-01T09:00', 'Europe/London'), '2026-07-01T08:00:00.000Z');
  assert.equal(utcToLocalInput('2026-07-01T08:00:00.000Z', 'Europe/London'), '2026-07-01T09:00');
});

test('a malformed value gives undefined', () => {
  assert.equal(localInputToUtc('', 'Asia/Dhaka'), undefined);
  assert.equal(localInputToUtc('27/11/2026 12:00', 'Asia/Dhaka'), undefined);
});
