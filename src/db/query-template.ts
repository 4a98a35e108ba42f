import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/** Stands for one value while a template is built; found again among the compiled parameters. */
class Slot {
  constructor(readonly index: number) {}
}

interface Template {
  compiled: CompiledQuery;
  /** Per compiled parameter: the index of the value it takes, or a constant the query holds. */
  parameters: Array<Slot | { constant: unknown }>;
}

const LIMIT = 500;

/** What a template needs of a database handle (any Kysely or transaction, whatever its tables). */
type QueryRunner = Pick<Kysely<unknown>, 'executeQuery'>;

// A stand-in goes wherever Kysely takes a value (a column of any type, a limit, an `in` list); only
// `any` is accepted in all of those places. Callers that let `V` be inferred never see it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped stand-ins for callers that name only R (see run)
type StandIns = readonly any[];

/**
 * A query built and compiled once per shape and run many times with new values. Kysely builds an
 * operation tree and compiles it to SQL on every call, which costs more than running a small
 * query on SQLite (20 µs for a simple select, 150 µs for a union of subqueries); the hot reads of
 * a page render go through here.
 *
 * `key` must name everything that changes the SQL: how many values an `in` list holds, which
 * conditions are present. `build` receives stand-ins for `values`, in order, and must pass them
 * to Kysely as values only (never branch on them, nor compute with them).
 */
export class QueryTemplates {
  private readonly templates = new Map<string, Template>();

  constructor(private readonly db: QueryRunner) {}

  /**
   * The stand-ins `build` receives are typed as the values they stand for (`V` is inferred from
   * `values`), so Kysely checks them as it would the values. A caller that names `R` alone gets the
   * default: stand-ins Kysely takes for any value.
   */
  async run<R, const V extends readonly unknown[] = StandIns>(key: string, values: V, build: (slots: V) => Compilable<R>): Promise<R[]> {
    let template = this.templates.get(key);
    if (!template) {
      // Slots, not values: Kysely only carries them into the compiled parameters, where they are found again.
      const slots = values.map((_, i) => new Slot(i)) as unknown as V;
      const compiled = build(slots).compile();
      template = { compiled, parameters: compiled.parameters.map((p) => (p instanceof Slot ? p : { constant: p })) };
      if (this.templates.size >= LIMIT) this.templates.delete(this.templates.keys().next().value!);
      this.templates.set(key, template);
    }
    const parameters = template.parameters.map((p) => (p instanceof Slot ? values[p.index] : p.constant));
    const result = await this.db.executeQuery<R>({ ...template.compiled, parameters });
    return result.rows;
  }
}

const perDatabase = new WeakMap<QueryRunner, QueryTemplates>();

/** The templates of one database handle (a transaction, being another handle, keeps its own). */
export function templatesOf(db: QueryRunner): QueryTemplates {
  let templates = perDatabase.get(db);
  if (!templates) perDatabase.set(db, (templates = new QueryTemplates(db)));
  return templates;
}
