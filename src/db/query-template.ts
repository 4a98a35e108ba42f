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

  constructor(private readonly db: Kysely<any>) {}

  async run<R>(key: string, values: readonly unknown[], build: (slots: readonly any[]) => Compilable<R>): Promise<R[]> {
    let template = this.templates.get(key);
    if (!template) {
      const slots = values.map((_, i) => new Slot(i));
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

const perDatabase = new WeakMap<Kysely<any>, QueryTemplates>();

/** The templates of one database handle (a transaction, being another handle, keeps its own). */
export function templatesOf(db: Kysely<any>): QueryTemplates {
  let templates = perDatabase.get(db);
  if (!templates) perDatabase.set(db, (templates = new QueryTemplates(db)));
  return templates;
}
