// The blocked-word list as the settings screen edits it: one word or phrase a line.

/** The lines of the text box as a clean list: trimmed, no blanks, no repeats, each at most 60 characters as the server allows. */
export function parseBlockedWords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const word = line.trim().normalize('NFC');
    const key = word.toLowerCase();
    if (!word || word.length > 60 || seen.has(key)) continue;
    seen.add(key);
    out.push(word);
  }
  return out;
}

/** The list as the text box shows it. */
export function blockedWordsText(words: readonly string[]): string {
  return words.join('\n');
}
