// Windows-1252 decoding. Bijoy files are saved in this code page; Latin-1 would turn the
// bytes 0x80–0x9F (†, ‡, Š, š …, which SutonnyMJ draws as vowel signs and half letters)
// into invisible C1 controls.

// 0x80–0x9F. The five bytes Windows-1252 leaves undefined map to the C1 control of the same
// value, as the WHATWG Encoding Standard does, so no byte is ever lost.
const HIGH_CONTROL_RANGE = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Decodes Windows-1252 bytes to text (not Latin-1: 0x80–0x9F are € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROL_RANGE[byte - 0x80]! : String.fromCharCode(byte);
  }
  return text;
}
