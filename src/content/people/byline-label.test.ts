import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bylineLabel, correspondentLabel } from './byline-label.ts';
import type { Person } from './person.repository.ts';

const districts = new Map([[16, 'কুমিল্লা']]);
const person = (fields: Partial<Person>): Person => ({
  id: 1,
  slug: 'p',
  name: 'আবুল কাশেম',
  kind: 'correspondent',
  title: '',
  place: '',
  district_id: null,
  bio: '',
  created_at: '2026-12-05T00:00:00Z',
  ...fields,
});

test('a correspondent is named by place and district, as the dailies print it', () => {
  assert.equal(bylineLabel(person({ place: 'দেবিদ্বার', district_id: 16 }), districts), 'দেবিদ্বার (কুমিল্লা) প্রতিনিধি');
  assert.equal(bylineLabel(person({ district_id: 16 }), districts), 'কুমিল্লা প্রতিনিধি');
  assert.equal(bylineLabel(person({ place: 'দেবিদ্বার' }), districts), 'দেবিদ্বার প্রতিনিধি');
  assert.equal(bylineLabel(person({}), districts), 'আবুল কাশেম', 'with neither, by name');
  assert.equal(correspondentLabel(null, null), null);
});

test('everyone else is named by name', () => {
  for (const kind of ['desk', 'reporter', 'agency'] as const) {
    assert.equal(bylineLabel(person({ kind, place: 'দেবিদ্বার', district_id: 16 }), districts), 'আবুল কাশেম');
  }
});
