import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleStatus, Role } from '../db/schema.ts';
import { can, canEditImage, type Action, type Actor } from './permissions.ts';

const actor = (role: Role): Actor => ({ role, userId: 7, name: role });
const own = (status: ArticleStatus) => ({ ownerId: 7, status });
const others = (status: ArticleStatus) => ({ ownerId: 8, status });

// Every action × role, without an article: the roles of DESIGN.md.
//                                     reporter sub-editor editor admin
const TABLE: Array<[Action, boolean, boolean, boolean, boolean]> = [
  ['article.create', true, true, true, true],
  ['article.read', true, true, true, true],
  ['article.edit', true, true, true, true],
  ['article.submit', true, true, true, true],
  ['article.publish', false, false, true, true],
  ['article.schedule', false, false, true, true],
  ['article.unpublish', false, false, true, true],
  ['article.delete', false, false, true, true],
  ['article.correct', false, false, true, true],
  ['article.restore', true, true, true, true],
  ['article.list-all', false, true, true, true],
  ['home.curate', false, false, true, true],
  ['media.upload', true, true, true, true],
  ['media.edit', true, true, true, true],
  ['taxonomy.read', true, true, true, true],
  ['section.manage', false, false, false, true],
  ['person.manage', false, false, true, true],
  ['user.manage', false, false, false, true],
  ['token.manage', false, false, false, true],
  ['settings.manage', false, false, false, true],
  ['audit.read', false, false, false, true],
  ['comment.moderate', false, true, true, true],
];
const ROLES: Role[] = ['reporter', 'sub-editor', 'editor', 'admin'];

test('every action × role', () => {
  for (const [action, ...allowed] of TABLE) {
    ROLES.forEach((role, i) => assert.equal(can(actor(role), action), allowed[i], `${role} ${action}`));
  }
});

// Article-level rules: [action, article, reporter, sub-editor, editor]
const ARTICLE_TABLE: Array<[Action, ReturnType<typeof own>, boolean, boolean, boolean]> = [
  ['article.read', own('draft'), true, true, true],
  ['article.read', others('draft'), false, true, true],
  ['article.edit', own('draft'), true, true, true],
  ['article.edit', own('submitted'), false, true, true],
  ['article.edit', own('published'), false, false, true],
  ['article.restore', others('published'), false, false, true],
  ['article.edit', others('draft'), false, true, true],
  ['article.submit', own('draft'), true, true, true],
  ['article.submit', others('draft'), false, true, true],
  ['article.restore', others('draft'), false, true, true],
  ['article.edit', others('scheduled'), false, false, true],
  ['article.restore', others('scheduled'), false, false, true],
  ['article.edit', others('unpublished'), false, true, true],
  ['article.publish', own('submitted'), false, false, true],
  ['article.delete', own('draft'), false, false, true],
];

test('who may act on which article', () => {
  for (const [action, article, ...allowed] of ARTICLE_TABLE) {
    (['reporter', 'sub-editor', 'editor'] as Role[]).forEach((role, i) =>
      assert.equal(can(actor(role), action, article), allowed[i], `${role} ${action} ${JSON.stringify(article)}`),
    );
  }
});

test('an API token acts with its role but owns nothing', () => {
  const token: Actor = { role: 'reporter', userId: null, name: 'token:feed' };
  assert.equal(can(token, 'article.create'), false, 'a reporter token would write a draft nobody may read');
  assert.equal(can({ ...token, role: 'sub-editor' }, 'article.create'), true);
  assert.equal(can(token, 'article.edit', { ownerId: null, status: 'draft' }), false);
});

test('who may change the words of an image', () => {
  const mine = { uploaderId: 7, onPublicArticle: false };
  assert.equal(canEditImage(actor('reporter'), mine), true);
  assert.equal(canEditImage(actor('reporter'), { ...mine, onPublicArticle: true }), false);
  assert.equal(canEditImage(actor('reporter'), { ...mine, uploaderId: 8 }), false);
  assert.equal(canEditImage(actor('reporter'), { ...mine, uploaderId: null }), false);
  assert.equal(canEditImage({ role: 'reporter', userId: null, name: 'token' }, { ...mine, uploaderId: null }), false);
  assert.equal(canEditImage(actor('sub-editor'), { uploaderId: 8, onPublicArticle: true }), true);
});
