import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mediaWriteError } from './media-write-error.ts';

test('a media folder that is full, read-only or not ours is MEDIA_UNWRITABLE (507), naming the errno and not the path', () => {
  for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EISDIR']) {
    const cause = Object.assign(new Error(`${code}: open '/srv/prokash/media/2026/11/x.jpg'`), { code });
    const error = mediaWriteError(cause);
    assert.equal(error?.code, 'MEDIA_UNWRITABLE', code);
    assert.equal(error.statusCode, 507);
    assert.deepEqual(error.details, { errno: code });
    assert.doesNotMatch(error.message, /srv/);
    assert.equal(error.cause, cause, 'the log keeps the original');
  }
});

test('anything else is not a media-folder fault', () => {
  for (const value of [new Error('boom'), Object.assign(new Error('x'), { code: 'ECONNRESET' }), null, undefined, 'ENOSPC']) {
    assert.equal(mediaWriteError(value), undefined);
  }
});
