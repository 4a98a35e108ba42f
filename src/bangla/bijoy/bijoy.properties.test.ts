// Properties of the Bijoy converter over any input (fast-check, fixed seed: see test/helpers/arbitraries.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BENGALI_PIECES, BIJOY_PIECES, checkProperty, hostileText, longText } from '../../../test/helpers/arbitraries.ts';
import { bijoyToUnicode } from './bijoy-to-unicode.ts';
import { looksLikeBijoy } from './looks-like-bijoy.ts';
import { decodeWindows1252 } from './windows-1252.ts';

const PRIVATE_STAND_INS = /[\uE000\uE001]/; // the reph and hasanta marks the converter uses inside

test('bijoyToUnicode never throws, returns NFC and leaks none of its private-use stand-ins', () => {
  checkProperty(
    fc.property(hostileText(), (text) => {
      const out = bijoyToUnicode(text);
      assert.equal(typeof out, 'string');
      assert.equal(out, out.normalize('NFC'));
      if (!PRIVATE_STAND_INS.test(text)) assert.doesNotMatch(out, PRIVATE_STAND_INS);
      assert.equal(typeof looksLikeBijoy(text), 'boolean');
    }),
    1000,
  );
});

test('bijoyToUnicode leaves text that is already Unicode Bengali as it is (only NFC applied), so converting twice is harmless', () => {
  // Unicode Bengali holds no Bijoy glyph (every glyph is ASCII or Windows-1252), so nothing may change.
  const unicodeBengali = fc.array(fc.constantFrom(...BENGALI_PIECES, ' ', '\n', '।', ',', '\u200c'), { maxLength: 40 }).map((parts) => parts.join(''));
  checkProperty(
    fc.property(unicodeBengali, (text) => {
      assert.equal(bijoyToUnicode(text), text.normalize('NFC'));
    }),
    1000,
  );
  checkProperty(
    fc.property(fc.array(fc.constantFrom(...BIJOY_PIECES, ' '), { maxLength: 30 }), (parts) => {
      const once = bijoyToUnicode(parts.join(''));
      // Its output is Bengali plus what it kept as typed: the Bengali part must survive a second run.
      const bengali = Array.from(once)
        .filter((char) => /^[\u0980-\u09FF ]$/.test(char) || char === '\u200c' || char === '\u200d')
        .join('');
      assert.equal(bijoyToUnicode(bengali), bengali.normalize('NFC'));
    }),
    1000,
  );
});

test('bijoyToUnicode is linear enough for long input (bounded sizes)', () => {
  checkProperty(
    fc.property(longText(50_000), (text) => {
      assert.equal(typeof bijoyToUnicode(text), 'string');
    }),
    20,
  );
});

test('decodeWindows1252 maps every byte to one character and never throws', () => {
  checkProperty(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const text = decodeWindows1252(bytes);
      assert.equal(text.length, bytes.length);
      assert.equal(bijoyToUnicode(text), bijoyToUnicode(text)); // deterministic
    }),
    500,
  );
});
