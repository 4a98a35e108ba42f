// The structure behind suggestions while typing: the distinct words of every item (a name, a
// headline: normalised words and their stems) in one sorted array, each with the items that hold
// it, so "a word of it starts with what is being typed" is a binary search and a walk over the
// matching words only, however many items there are.

/** What an item is matched by (suggest-keys.ts itemKeys). */
export interface Keyed {
  /** Its words joined by single spaces: the surface form and the stems (for whole-prefix matches). */
  keys: readonly string[];
  /** Every word it holds, surface and stemmed. */
  words: ReadonlySet<string>;
}

/** Items by their words, for prefix lookups; items are compared by identity. */
export class WordIndex<T extends Keyed> {
  /** Distinct words in code-unit order, in which the words with one prefix are one run. */
  private sorted: string[] = [];
  private readonly postings = new Map<string, T[]>();

  /** Distinct words held. */
  get size(): number {
    return this.sorted.length;
  }

  /** Replaces everything with these items. */
  reset(items: Iterable<T>): void {
    this.postings.clear();
    for (const item of items) {
      for (const word of item.words) {
        const list = this.postings.get(word);
        if (list) list.push(item);
        else this.postings.set(word, [item]);
      }
    }
    this.sorted = [...this.postings.keys()].sort();
  }

  /** Adds an item (a new word is inserted where it sorts). */
  add(item: T): void {
    for (const word of item.words) {
      const list = this.postings.get(word);
      if (list) list.push(item);
      else {
        this.postings.set(word, [item]);
        this.sorted.splice(this.lowerBound(word), 0, word);
      }
    }
  }

  /** Removes an item; it must hold the words it was added with. */
  remove(item: T): void {
    for (const word of item.words) {
      const list = this.postings.get(word);
      const at = list ? list.indexOf(item) : -1;
      if (at < 0) continue;
      list!.splice(at, 1);
      if (list!.length) continue;
      this.postings.delete(word);
      this.sorted.splice(this.lowerBound(word), 1);
    }
  }

  /** Calls `visit` for each item with a word starting with `prefix` (an item once per such word). */
  eachWithPrefix(prefix: string, visit: (item: T) => void): void {
    if (!prefix) return;
    for (let i = this.lowerBound(prefix); i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) {
      for (const item of this.postings.get(this.sorted[i]!)!) visit(item);
    }
  }

  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
