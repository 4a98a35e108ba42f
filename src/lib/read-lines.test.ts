import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLines } from './read-lines.ts';

test('lines come out whole and in order, whatever the line ends, even with a slow consumer', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'prokash-lines-'));
  const file = join(dir, 'x.jsonl');
  const many = Array.from({ length: 20_000 }, (_, i) => `{"n":${i},"t":"বাংলা লেখা ${i}"}`);
  await writeFile(file, `${many.slice(0, 10_000).join('\r\n')}\r\n${many.slice(10_000).join('\n')}`);
  const got: string[] = [];
  for await (const line of readLines(file)) {
    if (got.length % 5000 === 0) await new Promise((r) => setTimeout(r, 5)); // the consumer awaits between lines
    got.push(line);
  }
  assert.deepEqual(got, many);
});
