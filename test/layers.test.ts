import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { importGraph, layerProblems, longRegistrations } from '../scripts/check-layers.ts';

const src = resolve(import.meta.dirname, '..', 'src');
const file = (path: string) => join(src, path);

test('every import in src/ points down the floors, and no files import each other in a circle', () => {
  const graph = importGraph();
  assert.ok(graph.size > 200, `read ${graph.size} files`);
  assert.deepEqual(layerProblems(graph), []);
});

test('the check finds an upward import, a sideways one not allowed, and a cycle', () => {
  const graph = new Map<string, string[]>([
    [file('content/a.ts'), [file('feeds/b.ts')]], // content may not import a service above it
    [file('feeds/b.ts'), [file('cache/c.ts')]], // fine: feeds → cache is allowed
    [file('cache/c.ts'), [file('feeds/b.ts'), file('bangla/d.ts')]], // cache → feeds is not; and b ↔ c is a cycle
    [file('bangla/d.ts'), []],
  ]);
  const problems = layerProblems(graph).map((p) => `${p.kind}: ${p.text.split(':')[0]}`);
  assert.deepEqual(problems.sort(), [
    'cycle: src/cache/c.ts → src/feeds/b.ts',
    'sideways: src/cache/c.ts imports src/feeds/b.ts',
    'upward: src/content/a.ts imports src/feeds/b.ts',
  ]);
});

test('no function that registers routes is over 40 lines, and the check finds one that is', async () => {
  assert.deepEqual(longRegistrations(), []);
  const dir = await mkdtemp(join(tmpdir(), 'prokash-layers-'));
  const long = join(dir, 'long.routes.ts');
  const body = Array.from({ length: 41 }, (_, i) => `  app.get('/p${i}', () => ${i});`).join('\n');
  await writeFile(long, `export function registerLong(app) {\n${body}\n}\n`);
  assert.deepEqual(
    longRegistrations([long]).map((p) => p.text.replace(/^.*long\.routes\.ts/, 'long.routes.ts')),
    ['long.routes.ts:1 registerLong (43 lines)'],
  );
});
