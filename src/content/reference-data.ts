import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { listSections } from './sections/section.repository.ts';
import { SectionTree } from './sections/section-tree.ts';
import { listDistricts, type District, type Division } from './places/place.repository.ts';

/**
 * The small tables every page needs, held in memory: the section tree, the 64 districts and the
 * 8 divisions. Loaded once at start; the section tree is reloaded when a `section.changed` event
 * arrives (places are a fixed table). Reading them costs no query.
 */
export class ReferenceData {
  private sectionTree = new SectionTree([]);
  private districtsById = new Map<number, District>();
  private districtsBySlug = new Map<string, District>();
  private divisionsById = new Map<number, Division>();
  private names: ReadonlyMap<number, string> = new Map();

  constructor(private readonly db: Kysely<Database>) {}

  /** A loaded instance (scripts and benchmarks). */
  static async loaded(db: Kysely<Database>): Promise<ReferenceData> {
    const reference = new ReferenceData(db);
    await reference.load();
    return reference;
  }

  async load(): Promise<void> {
    await this.reloadSections();
    const districts = await listDistricts(this.db);
    this.districtsById = new Map(districts.map((d) => [d.id, d]));
    this.districtsBySlug = new Map(districts.map((d) => [d.slug, d]));
    this.names = new Map(districts.map((d) => [d.id, d.name]));
    const divisions = await this.db.selectFrom('divisions').selectAll().execute();
    this.divisionsById = new Map(divisions.map((d) => [d.id, d]));
  }

  async reloadSections(): Promise<void> {
    this.sectionTree = new SectionTree(await listSections(this.db));
  }

  get tree(): SectionTree {
    return this.sectionTree;
  }

  district(id: number | null): District | undefined {
    return id === null ? undefined : this.districtsById.get(id);
  }

  districtBySlug(slug: string): District | undefined {
    return this.districtsBySlug.get(slug);
  }

  division(id: number): Division | undefined {
    return this.divisionsById.get(id);
  }

  /** Every district, in the table's order. */
  get allDistricts(): readonly District[] {
    return [...this.districtsById.values()];
  }

  /** Bengali district names by id (bylines name correspondents by their district). */
  get districtNames(): ReadonlyMap<number, string> {
    return this.names;
  }
}
