import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyPersonInput, personBody, personInputOf, personProblems } from './person-input.ts';

test('a correspondent needs a district; everyone needs a name', () => {
  assert.deepEqual(personProblems(emptyPersonInput('correspondent')), ['name', 'district']);
  assert.deepEqual(personProblems({ ...emptyPersonInput('correspondent'), name: 'রহিম', districtId: 16 }), []);
  assert.deepEqual(personProblems({ ...emptyPersonInput('reporter'), name: ' ' }), ['name']);
  assert.deepEqual(personProblems({ ...emptyPersonInput('desk'), name: 'ঢাকা ডেস্ক' }), []);
});

test('a new person is sent with its kind; an update without (the server keeps it)', () => {
  const input = { name: ' আবুল ', kind: 'correspondent' as const, title: 'প্রতিনিধি', place: 'দেবিদ্বার ', districtId: 16 };
  assert.deepEqual(personBody(input, false), { name: 'আবুল', title: 'প্রতিনিধি', place: 'দেবিদ্বার', districtId: 16, kind: 'correspondent' });
  assert.deepEqual(personBody(input, true), { name: 'আবুল', title: 'প্রতিনিধি', place: 'দেবিদ্বার', districtId: 16 });
});

test('a stored person reads back into the form', () => {
  const person = {
    id: 13,
    slug: 'abul',
    name: 'আবুল',
    kind: 'correspondent' as const,
    title: '',
    place: 'দেবিদ্বার',
    districtId: 16,
    label: 'দেবিদ্বার (কুমিল্লা) প্রতিনিধি',
  };
  assert.deepEqual(personInputOf(person), { name: 'আবুল', kind: 'correspondent', title: '', place: 'দেবিদ্বার', districtId: 16 });
});
