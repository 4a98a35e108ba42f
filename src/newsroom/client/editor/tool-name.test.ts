import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translate, type MessageKey } from '../i18n/translate.ts';
import { toolName } from './tool-name.ts';

test('a button showing letters or digits is named starting with them; a symbol alone by its description', () => {
  const cases: Array<[string, string, string]> = [
    ['১≡', 'ক্রমিক তালিকা', '১≡ ক্রমিক তালিকা'],
    ['H2', 'হেডিং ২', 'H2 হেডিং ২'],
    ['B', 'বোল্ড (Ctrl+B)', 'B বোল্ড (Ctrl+B)'],
    ['ছবি', 'ছবি যোগ করুন', 'ছবি যোগ করুন'],
    ['লিংক', 'লিংক', 'লিংক'],
    ['¶', 'সাধারণ অনুচ্ছেদ', 'সাধারণ অনুচ্ছেদ'],
    ['•≡', 'বুলেট তালিকা', 'বুলেট তালিকা'],
    ['↶', 'আগের অবস্থা (Ctrl+Z)', 'আগের অবস্থা (Ctrl+Z)'],
  ];
  for (const [visible, description, name] of cases) assert.equal(toolName(visible, description), name);
});

test('the toolbar buttons whose short text is a word have descriptions that start with it, in both languages', () => {
  const pairs: Array<[MessageKey, MessageKey]> = [
    ['editor.linkShort', 'editor.link'],
    ['editor.imageShort', 'editor.image'],
    ['editor.embedShort', 'editor.embed'],
    ['editor.bijoyShort', 'editor.bijoy'],
  ];
  for (const locale of ['bn', 'en'] as const) {
    for (const [short, long] of pairs) {
      const visible = translate(locale, short);
      assert.ok(translate(locale, long).startsWith(visible), `${locale}: "${translate(locale, long)}" starts with "${visible}"`);
    }
  }
});
