/**
 * Characters no body text may hold: C0 controls other than tab, newline and carriage return,
 * the noncharacters U+FFFE/U+FFFF, and unpaired surrogates. None is visible text, and each one
 * makes the RSS and sitemap XML we build from bodies invalid (XML 1.0 forbids them).
 * Everything else, ZWJ and ZWNJ included, is display text and is kept exactly.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- the C0 controls are the characters it must find
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');
// Any C0 control but tab, newline and carriage return, any surrogate, U+FFFE, U+FFFF: a cheaper
// scan than FORBIDDEN's (no look-around), and nothing FORBIDDEN finds escapes it.
// eslint-disable-next-line no-control-regex -- the C0 controls are the characters it must find
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** The first forbidden character of `text` as `U+XXXX`, or undefined when there is none. */
export function findForbiddenCharacter(text: string): string | undefined {
  if (!MAYBE_FORBIDDEN.test(text)) return undefined;
  const match = FORBIDDEN.exec(text);
  if (match === null) return undefined;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` without its forbidden characters; importers use it, the validator refuses them. */
export function removeForbiddenCharacters(text: string): string {
  // Text without a control character or a surrogate (almost all of it) is returned as it is.
  return MAYBE_FORBIDDEN.test(text) ? text.replace(FORBIDDEN_ALL, '') : text;
}
