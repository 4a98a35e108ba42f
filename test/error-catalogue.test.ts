import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError, ERRORS, type ErrorCode } from '../src/lib/errors.ts';

const root = resolve(import.meta.dirname, '..');
const bengali = /[\u0980-\u09ff]/;

test('docs/errors.md lists exactly the codes of the catalogue, each with its status', () => {
  const rows = [...readFileSync(join(root, 'docs', 'errors.md'), 'utf8').matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)];
  const documented = new Map(rows.map((m) => [m[1]!, Number(m[2])]));
  assert.equal(documented.size, rows.length, 'each code is one row');
  assert.deepEqual(
    [...documented].sort(),
    Object.entries(ERRORS)
      .map(([code, e]) => [code, e.status])
      .sort(),
  );
});

test('each code has a Bengali and an English sentence, and its status decides the answer', () => {
  for (const [code, entry] of Object.entries(ERRORS) as [ErrorCode, (typeof ERRORS)[ErrorCode]][]) {
    assert.match(entry.bn, bengali, code);
    assert.doesNotMatch(entry.en, bengali, code);
    assert.ok(entry.status >= 400 && entry.status < 600, code);
    const error = new AppError(code);
    assert.equal(error.statusCode, entry.status);
    assert.equal(error.message, entry.en);
  }
});

test('malformed input is 400, well-formed but not doable is 422', () => {
  assert.equal(ERRORS.INVALID_INPUT.status, 400);
  assert.equal(ERRORS.BAD_REQUEST.status, 400);
  for (const code of ['INVALID_TRANSITION', 'INVALID_DOCUMENT', 'IMAGE_UNREADABLE'] as const) assert.equal(ERRORS[code].status, 422);
});

test('every code the server sends is in the catalogue (no free strings)', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  const used = new Set<string>();
  for (const file of sources(join(root, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:new AppError|super)\('([A-Z_]+)'/g)) used.add(m[1]!);
  }
  assert.ok(used.size > 20, `found ${used.size} codes in use`);
  for (const code of used) assert.ok(Object.hasOwn(ERRORS, code), `${code} is used but not in the catalogue`);
});
