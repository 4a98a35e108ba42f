import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, canEditArticle, canSubmitArticle } from './roles.ts';

test('only editors and admins publish, schedule, unpublish and curate', () => {
  for (const action of ['article.publish', 'article.schedule', 'article.unpublish', 'home.curate', 'article.correct', 'article.delete'] as const) {
    assert.deepEqual([can('reporter', action), can('sub-editor', action), can('editor', action), can('admin', action)], [false, false, true, true], action);
  }
});

test('sub-editors and above moderate comments; reporters do not', () => {
  assert.deepEqual(
    [can('reporter', 'comment.moderate'), can('sub-editor', 'comment.moderate'), can('editor', 'comment.moderate'), can('admin', 'comment.moderate')],
    [false, true, true, true],
  );
});

test('only admins manage users, tokens, settings and sections, and read the audit log', () => {
  for (const action of ['user.manage', 'token.manage', 'settings.manage', 'section.manage', 'audit.read'] as const) {
    assert.deepEqual([can('reporter', action), can('sub-editor', action), can('editor', action), can('admin', action)], [false, false, false, true]);
  }
});

test('editors and admins add and edit people (desks, reporters, correspondents, agencies)', () => {
  assert.deepEqual(
    [can('reporter', 'person.manage'), can('sub-editor', 'person.manage'), can('editor', 'person.manage'), can('admin', 'person.manage')],
    [false, false, true, true],
  );
});

test('a reporter edits and submits only their own drafts', () => {
  assert.equal(canEditArticle('reporter', 7, { status: 'draft', ownerId: 7 }), true);
  assert.equal(canEditArticle('reporter', 7, { status: 'draft', ownerId: 8 }), false);
  assert.equal(canEditArticle('reporter', 7, { status: 'submitted', ownerId: 7 }), false);
  assert.equal(canSubmitArticle('reporter', 7, { status: 'draft', ownerId: 7 }), true);
  assert.equal(canSubmitArticle('reporter', 7, { status: 'submitted', ownerId: 7 }), false);
});

test('a sub-editor edits anything not published; an editor edits anything', () => {
  assert.equal(canEditArticle('sub-editor', 1, { status: 'submitted', ownerId: 2 }), true);
  assert.equal(canEditArticle('sub-editor', 1, { status: 'published', ownerId: 2 }), false);
  assert.equal(canEditArticle('editor', 1, { status: 'published', ownerId: 2 }), true);
});
