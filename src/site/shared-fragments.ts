import type { Fragment } from '../cache/page-cache.ts';

/**
 * The pieces every page shows that change with any publish (the সর্বশেষ / জনপ্রিয় tabs, the
 * breaking ticker). Each is built once and reused until a change invalidates it or it is older
 * than `maxAgeMs`; pages splice the current version in when they are served.
 */
export class SharedFragments {
  private readonly state = new Map<string, { fragment: Fragment; builtAt: number; stale: boolean }>();
  private readonly building = new Map<string, Promise<Fragment>>();

  constructor(
    private readonly builders: Record<string, () => Promise<string>>,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Marks every fragment for rebuilding on its next use. */
  invalidate(): void {
    for (const entry of this.state.values()) entry.stale = true;
  }

  /** The current version of every fragment. */
  async all(): Promise<Record<string, Fragment>> {
    const names = Object.keys(this.builders);
    const fragments = await Promise.all(names.map((name) => this.get(name)));
    return Object.fromEntries(names.map((name, i) => [name, fragments[i]!]));
  }

  async get(name: string): Promise<Fragment> {
    const entry = this.state.get(name);
    if (entry && !entry.stale && this.now() - entry.builtAt < this.maxAgeMs) return entry.fragment;
    const pending = this.building.get(name);
    if (pending) return pending;
    const build = this.build(name).finally(() => this.building.delete(name));
    this.building.set(name, build);
    return build;
  }

  private async build(name: string): Promise<Fragment> {
    const builder = this.builders[name];
    if (!builder) throw new Error(`no fragment ${name}`);
    const html = await builder();
    const previous = this.state.get(name)?.fragment;
    // The version moves only when the HTML does, so an unchanged list recomposes nothing.
    const fragment = previous && previous.html === html ? previous : { html, version: (previous?.version ?? 0) + 1 };
    this.state.set(name, { fragment, builtAt: this.now(), stale: false });
    return fragment;
  }
}
