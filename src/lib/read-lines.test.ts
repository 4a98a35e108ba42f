import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_LINE_BYTES, OverlongLine, readLines } from './read-lines.ts';

test('lines come out whole and in order, whatever the line ends, even with a slow consumer', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'prokash-lines-'));
  const file = join(dir, 'x.jsonl');
  const many = Array.from({ length: 20_000 }, (_, i) => `{"n":${i},"t":"বাংলা লেখা ${i}"}`);
  await writeFile(file, `${many.slice(0, 10_000).join('\r\n')}\r\n${many.slice(10_000).join('\n')}`);
  const got: Array<string | OverlongLine> = [];
  for await (const line of readLines(file)) {
    if (got.length % 5000 === 0) await new Promise((r) => setTimeout(r, 5)); // the consumer awaits between lines
    got.push(line);
  }
  assert.deepEqual(got, many);
});

async function fileOf(content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'prokash-lines-'));
  const file = join(dir, 'x.jsonl');
  await writeFile(file, content);
  return file;
}

async function allLines(file: string, max?: number): Promise<Array<string | OverlongLine>> {
  const got: Array<string | OverlongLine> = [];
  for await (const line of readLines(file, max)) got.push(line);
  return got;
}

test('a 10 MB line comes out as an OverlongLine with its length, never as text, and the lines around it are whole', async () => {
  const huge = `{"body":"${'ক'.repeat(3_500_000)}"}`; // 10.5 MB of UTF-8
  const file = await fileOf(`{"n":1}\n${huge}\r\n{"n":"তিন"}\n`);
  const got = await allLines(file);
  assert.equal(got.length, 3);
  assert.equal(got[0], '{"n":1}');
  assert.ok(got[1] instanceof OverlongLine);
  assert.equal(got[1].bytes, Buffer.byteLength(huge) + 1); // the \r of its CRLF is still part of it
  assert.equal(got[1].limit, MAX_LINE_BYTES);
  assert.match(got[1].message, /^the line is 10\.0 MB long; a line may hold at most 8\.0 MB/);
  assert.equal(got[2], '{"n":"তিন"}');
});

test('the limit counts bytes: a line of exactly the limit is kept, one byte more is overlong, also as the last line', async () => {
  const file = await fileOf(`${'a'.repeat(100)}\n${'b'.repeat(101)}\nক\n${'c'.repeat(101)}`);
  const got = await allLines(file, 100);
  assert.equal(got[0], 'a'.repeat(100));
  assert.ok(got[1] instanceof OverlongLine && got[1].bytes === 101);
  assert.equal(got[2], 'ক');
  assert.ok(got[3] instanceof OverlongLine && got[3].bytes === 101);
  assert.equal(got.length, 4);
});

test('Bengali letters and CRLF split across read chunks come out whole; bytes that are not UTF-8 become U+FFFD', async () => {
  // 64 KiB chunks: put a three-byte letter and a CRLF across every boundary in turn.
  const lines = Array.from({ length: 3000 }, (_, i) => `${'x'.repeat(i % 7)}বাংলা ${i}`);
  const file = await fileOf(lines.join('\r\n'));
  assert.deepEqual(await allLines(file), lines);
  const bad = await fileOf(Buffer.from([0x61, 0xff, 0x62, 0x0a, 0xe0, 0xa6, 0x0a]));
  assert.deepEqual(await allLines(bad), ['a\ufffdb', '\ufffd']);
});
