// Which words of a changed paragraph (or field) changed: a longest-common-subsequence over words.

/** A stretch of text the two versions share, or one that only the older or only the newer has. */
export interface WordPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

// A word is a run of letters, vowel signs, digits and the joiners inside Bengali words (ZWJ in র‍্যাব,
// ZWNJ); a run of spaces is one token; any other character (danda, comma, quote) is a token of its own.
const TOKEN = /[\p{L}\p{M}\p{Nd}\u200C\u200D]+|\s+|[^]/gu;
// Beyond this many cells the table costs more than a reader gains: the middle is shown as replaced.
const MAX_CELLS = 1_000_000;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * The two texts as shared, removed and added parts, in reading order (within one change the removed
 * part comes first). Spaces alone between two changes join them, so a changed phrase reads as one.
 */
export function diffWords(before: string, after: string): WordPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: WordPart[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  parts.push(...middle(a.slice(start, endA), b.slice(start, endB)));
  parts.push(...a.slice(endA).map((text): WordPart => ({ kind: 'same', text })));
  return grouped(parts);
}

/** The tokens between the shared start and end, by a longest common subsequence. */
function middle(a: string[], b: string[]): WordPart[] {
  if (a.length * b.length > MAX_CELLS) {
    return [...a.map((text): WordPart => ({ kind: 'removed', text })), ...b.map((text): WordPart => ({ kind: 'added', text }))];
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const parts: WordPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i++]! });
      j++;
    } else if (j < b.length && (i === a.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
      parts.push({ kind: 'added', text: b[j++]! });
    } else {
      parts.push({ kind: 'removed', text: a[i++]! });
    }
  }
  return parts;
}

/**
 * Merges neighbours into one removed and one added part per change. Spaces between two changes
 * join them when the first replaced words (so each side still reads as its own text).
 */
function grouped(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  let removed = '';
  let added = '';
  let spaces = ''; // shared spaces after a change, kept until it is known whether another change follows
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = added = '';
  };
  const pushSame = (text: string) => {
    const last = out.at(-1);
    if (last?.kind === 'same') last.text += text;
    else out.push({ kind: 'same', text });
  };
  for (const part of parts) {
    if (part.kind === 'same') {
      if (removed !== '' && added !== '' && /^\s+$/.test(part.text)) {
        spaces += part.text;
        continue;
      }
      flush();
      if (spaces) pushSame(spaces);
      spaces = '';
      pushSame(part.text);
    } else {
      removed += spaces;
      added += spaces;
      spaces = '';
      if (part.kind === 'removed') removed += part.text;
      else added += part.text;
    }
  }
  flush();
  if (spaces) pushSame(spaces);
  return out;
}
