/**
 * Answers already worked out, by key, for a while: at most `max` of them, each for `ttlMs`, the
 * least recently made let go first. What is held is the promise, so requests asking for one key
 * at the same time share one piece of work; one that fails is not kept. A key names everything
 * the answer depends on (the search API keys by the query and the search index's position), so
 * nothing here needs invalidating. `max` or `ttlMs` 0: nothing is held.
 */
export class AnswerMemo<V> {
  private readonly held = new Map<string, { answer: Promise<V>; madeAt: number }>();

  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The held answer for `key`, or the one `make` gives (then held). */
  get(key: string, make: () => Promise<V>): Promise<V> {
    const entry = this.held.get(key);
    if (entry && this.now() - entry.madeAt < this.ttlMs) return entry.answer;
    if (entry) this.held.delete(key);
    const answer = make();
    if (this.max <= 0 || this.ttlMs <= 0) return answer;
    const madeAt = this.now();
    this.held.set(key, { answer, madeAt });
    // A failed answer is let go, so the next request tries again (unless a newer one replaced it).
    answer.catch(() => {
      if (this.held.get(key)?.answer === answer) this.held.delete(key);
    });
    for (const oldest of this.held.keys()) {
      if (this.held.size <= this.max) break;
      this.held.delete(oldest);
    }
    return answer;
  }

  get size(): number {
    return this.held.size;
  }
}
