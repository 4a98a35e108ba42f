/**
 * Characters no text taken in may hold, whatever the field: the C0 controls other than tab,
 * newline and carriage return, DEL and the C1 controls, the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069: a comment holding U+202E shows its text reversed, next
 * to a real one), the noncharacters U+FFFE/U+FFFF and unpaired surrogates. None is visible text;
 * U+0000 cannot be stored in PostgreSQL at all, and the controls make our RSS and sitemaps invalid
 * XML. ZWJ and ZWNJ (U+200D, U+200C) are not among them: Bengali spelling needs them (র‍্যাব), and
 * the direction marks LRM/RLM (U+200E, U+200F) stay too, as they cannot reorder a run of text.
 */
const UNWANTED =
  // eslint-disable-next-line no-control-regex -- the controls are the characters it must find
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNWANTED_ALL = new RegExp(UNWANTED.source, 'g');

/** `text` without the characters no text may hold (see above); anything else is kept exactly. */
export function cleanText(text: string): string {
  return UNWANTED.test(text) ? text.replace(UNWANTED_ALL, '') : text;
}

/** Fields whose value is a secret to check, never text to keep: they are passed on exactly. */
const VERBATIM = new Set(['password', 'currentPassword', 'newPassword']);

/**
 * Cleans every string of a parsed request part in place (objects and arrays, however nested),
 * at the one boundary every API input crosses (parseInput), so no route can forget it.
 */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) {
    const list = value as unknown[];
    for (let i = 0; i < list.length; i++) list[i] = cleanStrings(list[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (VERBATIM.has(key)) continue;
      const item = record[key];
      const cleaned = cleanStrings(item);
      if (cleaned !== item) Object.defineProperty(record, key, { value: cleaned, writable: true, enumerable: true, configurable: true });
    }
  }
  return value;
}
