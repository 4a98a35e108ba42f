// A photo credit as newspapers print it: "ছবি : রয়টার্স". The prefix is added where the credit is
// shown, so a credit typed with its own prefix ("ছবি : প্রকাশ", "ছবিঃ প্রকাশ", "Photo: AFP") would
// show it twice; the display takes it off first. The stored text is never changed.

// ছবি or Photo, then a colon (ASCII, full-width or the visarga ঃ that Bengali typists use as one),
// a dash, or only a space; spaces around it.
const PREFIX = /^\s*(?:ছবি|photo)\s*(?:(?::|：|ঃ|-|–|—)\s*|\s+)/iu;

/** The credit without a leading "ছবি :" / "ছবি:" / "ছবিঃ" / "ছবি" / "Photo:" prefix (repeated ones too). */
export function bareCredit(credit: string): string {
  let text = credit.trim();
  for (let stripped = text.replace(PREFIX, ''); stripped !== text && stripped !== ''; stripped = text.replace(PREFIX, '')) text = stripped;
  return text;
}

/** "ছবি : {credit}" for a credit with or without its own prefix. */
export function photoCreditLine(credit: string): string {
  return `ছবি : ${bareCredit(credit)}`;
}
