import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { ApiError } from '../api.ts';
import { LocaleContext } from '../i18n/use-t.ts';
import { ErrorBox } from './error-box.tsx';

test('the error box says what failed in the language of the app, and is announced', () => {
  const error = new ApiError(409, 'CONFLICT', 'revision 3 is newer');
  const inBn = render(
    <LocaleContext.Provider value="bn">
      <ErrorBox error={error} />
    </LocaleContext.Provider>,
  );
  assert.match(inBn, /^<div class="error-box" role="alert">/);
  assert.match(inBn, /এটি এখনকার অবস্থার সঙ্গে মেলে না/);
  // The server's specifics are English: a Bengali reader gets the sentence only (issue 16, point 6).
  assert.doesNotMatch(inBn, /revision 3 is newer|[A-Za-z]{3,}(?![^<]*>)/);
  const inEn = render(
    <LocaleContext.Provider value="en">
      <ErrorBox error={error} />
    </LocaleContext.Provider>,
  );
  assert.match(inEn, /This does not match how things stand now/);
  assert.match(inEn, /<p class="error-detail">revision 3 is newer<\/p>/);
});

test('no error, no box', () => {
  assert.equal(render(<ErrorBox error={undefined} />), '');
});
