// Properties of Avro phonetic typing over any input (fast-check, fixed seed: see test/helpers/arbitraries.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AVRO_PIECES, checkProperty, hostileText, longText } from '../../../test/helpers/arbitraries.ts';
import { avroCandidates } from './avro-candidates.ts';
import { avroToBangla } from './avro-to-bangla.ts';
import { banglaSoundKey, latinSoundKey } from './sound-key.ts';

test('avroToBangla never throws and returns NFC; the candidates and sound keys never throw', () => {
  checkProperty(
    fc.property(hostileText(), (text) => {
      const bangla = avroToBangla(text);
      assert.equal(bangla, bangla.normalize('NFC'));
      const candidates = avroCandidates(text);
      assert.ok(candidates.length <= 8);
      assert.equal(new Set(candidates).size, candidates.length);
      assert.equal(typeof banglaSoundKey(text), 'string');
      assert.equal(typeof latinSoundKey(text), 'string');
    }),
    500,
  );
});

test('Roman input comes out with no Latin letter left, and Bengali passes through unchanged', () => {
  checkProperty(
    fc.property(fc.array(fc.constantFrom(...AVRO_PIECES, ' '), { maxLength: 20 }), (parts) => {
      assert.doesNotMatch(avroToBangla(parts.join('')), /[A-Za-z]/);
    }),
    500,
  );
  // Text already in Bengali holds nothing Avro maps: converting it again changes nothing.
  const bengali = fc.array(fc.constantFrom('আমি', 'বাংলায়', 'গান', 'গাই', 'ঢাকা', 'র‍্যাব', ' ', '।'), { maxLength: 10 }).map((p) => p.join(''));
  checkProperty(
    fc.property(bengali, (text) => {
      assert.equal(avroToBangla(text), text.normalize('NFC'));
      assert.equal(avroToBangla(avroToBangla(text)), avroToBangla(text));
    }),
    300,
  );
});

test('avroToBangla handles long input (bounded sizes)', () => {
  checkProperty(
    fc.property(longText(20_000), (text) => {
      assert.equal(typeof avroToBangla(text), 'string');
    }),
    10,
  );
});
