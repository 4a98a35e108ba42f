// The names (and, for longer keys, the news words) a Latin query word may mean, found by sound key
// (sound-key.ts): `fakhrul` → ফখরুল, `moscow` → মস্কো, `sylhet` → সিলেট, as papers spell them.
import { NEWS_WORDS } from '../analyzer/news-words.ts';
import { builtInNames } from '../analyzer/known-words.ts';
import { tokenize } from '../analyzer/tokenize.ts';
import { banglaSoundKey, latinSoundKey } from './sound-key.ts';

// A key of two consonants (ms, km) names few things among names but many among all words: the
// general word list takes part only from three consonants on.
const MIN_KEY = 2;
const MIN_WORD_KEY = 3;
/** At most this many words per Latin word, the names first. */
export const MAX_SOUND_ALIKES = 12;

let builtIn: { names: string[]; words: string[] } | undefined;

function words(texts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const text of texts) for (const { token } of tokenize(text)) out.push(token);
  return out;
}

/** Bengali words sounding like a word, from Latin letters or from another Bengali spelling. */
export interface SoundLexicon {
  /** `moscow` → মস্কো: names, and news words when the key is long enough to be specific (unless `namesOnly`). */
  fromLatin: (latin: string, namesOnly?: boolean) => string[];
  /** কিয়িভ → কিয়েভ: names only, the word itself left out. */
  fromBangla: (word: string) => string[];
}

/**
 * A lookup of the built-in names and places, the site's own names (tags, people, places,
 * sections: `siteWords`) and, for Latin words with a long enough key, news words, by sound key.
 * Build one per site analyzer.
 */
export function createSoundLexicon(siteWords: Iterable<string> = []): SoundLexicon {
  builtIn ??= { names: words(builtInNames()), words: words([NEWS_WORDS]) };
  const names = new Map<string, string[]>();
  const all = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, word: string, minKey: number) => {
    const key = banglaSoundKey(word);
    if (key.length < minKey) return;
    const list = map.get(key) ?? [];
    if (!list.includes(word) && list.length < MAX_SOUND_ALIKES) list.push(word);
    map.set(key, list);
  };
  for (const word of [...builtIn.names, ...words(siteWords)]) {
    add(names, word, MIN_KEY);
    add(all, word, MIN_KEY);
  }
  for (const word of builtIn.words) add(all, word, MIN_WORD_KEY);
  return {
    fromLatin: (latin, namesOnly = false) => {
      const key = latinSoundKey(latin);
      return key.length < MIN_KEY ? [] : ((namesOnly ? names : all).get(key) ?? []);
    },
    fromBangla: (word) => {
      const key = banglaSoundKey(word);
      return key.length < MIN_KEY ? [] : (names.get(key) ?? []).filter((name) => name !== word);
    },
  };
}
