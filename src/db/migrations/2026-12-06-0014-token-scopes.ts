// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import type { Kysely } from 'kysely';

// API tokens get a scope (issue 17): `newsroom`, what every token was until now (it acts in the
// newsroom API with its role), or `read`, a partner's token that reads the public content API
// (/api/v1, with its own rate limit) and nothing of the newsroom. Existing tokens keep their meaning.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('newsroom'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
}
