// Writes a generated corpus straight into the content tables (published articles, a desk byline,
// tags), in large transactions: the benchmark measures indexing, not the importer.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { CorpusArticle } from './corpus.ts';

export interface LoadedCorpus {
  articles: number;
  /** Body words written, for the mean article length. */
  words: number;
}

const BATCH = 2000;

/** Loads the articles; `sectionIds[a.sectionIndex]` is each article's section. */
export async function loadCorpus(db: Kysely<Database>, articles: Iterable<CorpusArticle>, sectionIds: number[], progress: (n: number) => void): Promise<LoadedCorpus> {
  const now = new Date().toISOString();
  const desk = await db.insertInto('people').values({ id: 1_000_000, slug: 'bench-desk', name: 'প্রকাশ ডেস্ক', kind: 'desk', title: '', place: '', district_id: null, bio: '', created_at: now }).returning('id').executeTakeFirstOrThrow();
  const tagIds = new Map<string, number>();
  const loaded: LoadedCorpus = { articles: 0, words: 0 };
  let batch: CorpusArticle[] = [];
  const flush = async () => {
    await db.transaction().execute(async (trx) => {
      for (const a of batch) {
        for (const name of a.tags) {
          if (tagIds.has(name)) continue;
          const id = 1_000_000 + tagIds.size;
          await trx.insertInto('tags').values({ id, slug: `bench-${id}`, name, created_at: now }).execute();
          tagIds.set(name, id);
        }
      }
      for (let i = 0; i < batch.length; i += 200) {
        const chunk = batch.slice(i, i + 200);
        await trx.insertInto('articles').values(chunk.map((a) => row(a, sectionIds, now))).execute();
        await trx.insertInto('article_people').values(chunk.map((a) => ({ article_id: a.id, person_id: desk.id, position: 0 }))).execute();
        const tags = chunk.flatMap((a) => [...new Set(a.tags)].map((t, position) => ({ article_id: a.id, tag_id: tagIds.get(t)!, position })));
        await trx.insertInto('article_tags').values(tags).execute();
      }
    });
    for (const a of batch) loaded.words += a.body.join(' ').split(/\s+/).length;
    loaded.articles += batch.length;
    if (loaded.articles % 100_000 === 0) progress(loaded.articles);
    batch = [];
  };
  for (const a of articles) {
    batch.push(a);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  await sql`UPDATE id_sequences SET value = (SELECT max(id) FROM articles) WHERE name = 'articles'`.execute(db);
  return loaded;
}

function row(a: CorpusArticle, sectionIds: number[], now: string) {
  const body = JSON.stringify({ type: 'doc', content: a.body.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
  return {
    id: a.id, section_id: sectionIds[a.sectionIndex % sectionIds.length]!, status: 'published' as const, kicker: a.kicker, headline: a.headline,
    subheadline: '', summary: a.summary, body, image_id: null, image_caption: null, image_credit: null, image_alt: null,
    district_id: null, edition: 'online' as const, print_page: null, breaking: 0, published_at: a.publishedAt, updated_at: null,
    scheduled_at: null, created_at: now, modified_at: now, content_hash: '', owner_id: null, revision: 1, byline_kind: 'desk' as const,
  };
}
