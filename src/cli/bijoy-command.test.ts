import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { runBijoy } from './bijoy-command.ts';

async function run(bytes: Uint8Array): Promise<{ code: number; text: string }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const code = await runBijoy(Readable.from([Buffer.from(bytes)]), output);
  return { code, text: Buffer.concat(chunks).toString('utf8') };
}

test('runBijoy converts UTF-8 input line for line', async () => {
  const input = ['Avgvi †mvbvi evsjv, Avwg †Zvgvq fv‡jvevwm|', 'fvlvšÍi', 'g„Zz¨', 'Kg©KZ©vi e¨w³MZ', ''].join('\n');
  const expected = ['আমার সোনার বাংলা, আমি তোমায় ভালোবাসি।', 'ভাষান্তর', 'মৃত্যু', 'কর্মকর্তার ব্যক্তিগত', ''].join('\n').normalize('NFC'); // BANGLA.md writes them in NFC
  assert.deepEqual(await run(Buffer.from(input, 'utf8')), { code: 0, text: expected });
});

test('runBijoy decodes input that is not UTF-8 as Windows-1252', async () => {
  // Avgvi †mvbvi evsjv, with † as the single byte 0x86; CRLF line ends are kept.
  const bytes = Uint8Array.from([
    ...Buffer.from('Avgvi ', 'latin1'),
    0x86,
    ...Buffer.from('mvbvi evsjv\r\nfvlv', 'latin1'),
    0x9a,
    0xcd,
    ...Buffer.from('i', 'latin1'),
  ]);
  assert.deepEqual(await run(bytes), { code: 0, text: 'আমার সোনার বাংলা\r\nভাষান্তর' });
});

test('runBijoy writes nothing for empty input', async () => {
  assert.deepEqual(await run(new Uint8Array()), { code: 0, text: '' });
});
