import type { Fragment } from '../cache/page-cache.ts';

interface Entry {
  fragment: Fragment;
  builtAt: number;
  /** Set by an event: the fragment is wrong now and must be rebuilt before it is used again. */
  invalid: boolean;
}

/**
 * The pieces every page shows that change with any publish (the সর্বশেষ / জনপ্রিয় tabs, the
 * breaking ticker). Each is built once and reused; pages splice the current version in when they
 * are served. An event that changes one (`invalidate`) makes it unusable until rebuilt, so the
 * next page shows the change; one that is merely older than `maxAgeMs` (its relative times,
 * "৫ মিনিট আগে", have moved on) is still served while a fresh one is built in the background.
 */
export class SharedFragments {
  private readonly state = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<Fragment>>();
  private snapshot: Record<string, Fragment> | undefined;
  /** When the oldest fragment of the snapshot passes `maxAgeMs` (a refresh is then started). */
  private snapshotStaleAt = 0;
  /** Invalidations per fragment, so a build that read before the latest one knows it is stale. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly builders: Record<string, () => Promise<string>>,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
    private readonly log: (error: unknown) => void = () => {},
  ) {}

  /** Marks these fragments (all when none are named) for rebuilding before their next use. */
  invalidate(names: readonly string[] = Object.keys(this.builders)): void {
    for (const name of names) {
      this.generation.set(name, (this.generation.get(name) ?? 0) + 1);
      const entry = this.state.get(name);
      if (entry) entry.invalid = true;
    }
    this.snapshot = undefined;
  }

  /**
   * Every fragment's current version when all can be used as they are, without waiting;
   * undefined when one must be built first (the caller then awaits `all()`). No I/O.
   */
  current(): Record<string, Fragment> | undefined {
    if (!this.snapshot) return undefined;
    // Every cached page served asks: one clock read, and the loop only once a fragment has aged.
    const now = this.now();
    if (now >= this.snapshotStaleAt) for (const [name, entry] of this.state) if (now - entry.builtAt >= this.maxAgeMs) void this.refresh(name);
    return this.snapshot;
  }

  /** The current version of every fragment, building what is missing or invalid. */
  async all(): Promise<Record<string, Fragment>> {
    const names = Object.keys(this.builders);
    const fragments = await Promise.all(names.map((name) => this.get(name)));
    return Object.fromEntries(names.map((name, i) => [name, fragments[i]!]));
  }

  async get(name: string): Promise<Fragment> {
    const entry = this.state.get(name);
    if (entry && !entry.invalid) {
      if (this.now() - entry.builtAt >= this.maxAgeMs) void this.refresh(name);
      return entry.fragment;
    }
    return this.refresh(name);
  }

  private refresh(name: string): Promise<Fragment> {
    const pending = this.building.get(name);
    if (pending) return pending;
    const build = this.build(name).finally(() => this.building.delete(name));
    this.building.set(name, build);
    // A background refresh that fails keeps the old version; a caller waiting sees the error.
    build.catch((error: unknown) => this.log(error));
    return build;
  }

  private async build(name: string): Promise<Fragment> {
    const builder = this.builders[name];
    if (!builder) throw new Error(`no fragment ${name}`);
    const startedAt = this.now();
    const generation = this.generation.get(name) ?? 0;
    const html = await builder();
    const previous = this.state.get(name);
    // The version moves only when the HTML does, so an unchanged list recomposes nothing.
    const fragment = previous && previous.fragment.html === html ? previous.fragment : { html, version: (previous?.fragment.version ?? 0) + 1 };
    // An invalidation that came while this build read the database wins: build again next time.
    const invalid = (this.generation.get(name) ?? 0) !== generation;
    this.state.set(name, { fragment, builtAt: startedAt, invalid });
    this.snapshot =
      [...this.state.values()].some((e) => e.invalid) || this.state.size < Object.keys(this.builders).length
        ? undefined
        : Object.fromEntries([...this.state].map(([n, e]) => [n, e.fragment]));
    this.snapshotStaleAt = Math.min(...[...this.state.values()].map((e) => e.builtAt)) + this.maxAgeMs;
    return fragment;
  }
}
