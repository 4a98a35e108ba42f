import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Analyzer } from '../bangla/analyzer/analyzer.ts';
import { bestMatches, itemKeys, type TypedText } from './suggest-keys.ts';
import { personRows, tagRows, type NameRow } from './suggest-source.ts';
import { WordIndex, type Keyed } from './word-index.ts';

export type NameKind = 'person' | 'tag';

/** A byline person or tag as a suggestion. */
export interface NameItem extends NameRow, Keyed {
  kind: NameKind;
}

interface Store {
  items: Map<number, NameItem>;
  index: WordIndex<NameItem>;
  read: (db: Kysely<Database>, ids?: readonly number[]) => Promise<NameRow[]>;
}

/**
 * Byline people and tags, held in memory per process (a site has thousands, not millions):
 * loaded at start, then refreshed by id when a content event names them. Only names with a
 * published article whose time has come are offered (a draft's new tag is not news yet).
 */
export class NameSuggestions {
  private readonly stores: Record<NameKind, Store> = {
    person: { items: new Map(), index: new WordIndex(), read: personRows },
    tag: { items: new Map(), index: new WordIndex(), read: tagRows },
  };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly analyzer: Analyzer,
  ) {}

  /** Reads every tag and person again. */
  async load(): Promise<void> {
    for (const kind of ['person', 'tag'] as const) {
      const store = this.stores[kind];
      const items = (await store.read(this.db)).map((row) => this.item(kind, row));
      store.items = new Map(items.map((item) => [item.id, item]));
      store.index.reset(items);
    }
  }

  /** Reads these tags and people again (new, renamed, or with articles published or withdrawn). */
  async refresh(ids: { tagIds: readonly number[]; personIds: readonly number[] }): Promise<void> {
    await this.refreshKind('tag', ids.tagIds);
    await this.refreshKind('person', ids.personIds);
  }

  /** Names of this kind public at `now` that match: whole-name matches first, then the most recently used. */
  match(kind: NameKind, typed: TypedText, now: string, limit: number): NameItem[] {
    return bestMatches(
      this.stores[kind].index,
      typed,
      limit,
      (item) => item.first !== null && item.first <= now,
      (a, b) => newerFirst(a.last, b.last) || a.name.length - b.name.length || a.id - b.id,
    );
  }

  private async refreshKind(kind: NameKind, ids: readonly number[]): Promise<void> {
    if (!ids.length) return;
    const store = this.stores[kind];
    const rows = new Map((await store.read(this.db, ids)).map((row) => [row.id, row]));
    for (const id of new Set(ids)) {
      const old = store.items.get(id);
      const row = rows.get(id);
      if (old && row && old.name === row.name) {
        Object.assign(old, { slug: row.slug, first: row.first, last: row.last });
        continue;
      }
      if (old) {
        store.index.remove(old);
        store.items.delete(id);
      }
      if (row) {
        const item = this.item(kind, row);
        store.items.set(id, item);
        store.index.add(item);
      }
    }
  }

  private item(kind: NameKind, row: NameRow): NameItem {
    return { ...row, kind, ...itemKeys(row.name, this.analyzer) };
  }
}

// ISO times compare as text; a name never listed goes last.
function newerFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  return (b ?? '') > (a ?? '') ? 1 : -1;
}
