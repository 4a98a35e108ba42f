// Frozen: this migration imports nothing from src/ that can change. Add a new file to change the schema.
import type { Kysely } from 'kysely';

/** The rows this migration writes, in the tables as they are at this point of the history. */
interface Tables {
  id_sequences: { name: string; value: number };
}

export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('sections')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('parent_id', 'integer', (c) => c.references('sections.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sections_parent_idx').on('sections').columns(['parent_id', 'position']).execute();

  await db.schema
    .createTable('divisions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable('districts')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('division_id', 'integer', (c) => c.notNull().references('divisions.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('district_id', 'integer', (c) => c.references('districts.id'))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_kind_name_idx').on('people').columns(['kind', 'name']).execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('images')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('section_id', 'integer', (c) => c.references('sections.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kicker', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('subheadline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('image_id', 'integer', (c) => c.references('images.id'))
    .addColumn('image_caption', 'text')
    .addColumn('image_credit', 'text')
    .addColumn('image_alt', 'text')
    .addColumn('district_id', 'integer', (c) => c.references('districts.id'))
    .addColumn('edition', 'text', (c) => c.notNull().defaultTo('online'))
    .addColumn('print_page', 'integer')
    .addColumn('breaking', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .execute();
  // Every reader listing filters on status and orders by published_at; these back them.
  await db.schema.createIndex('articles_status_pub_idx').on('articles').columns(['status', 'published_at', 'id']).execute();
  await db.schema.createIndex('articles_section_pub_idx').on('articles').columns(['section_id', 'status', 'published_at', 'id']).execute();
  await db.schema.createIndex('articles_district_pub_idx').on('articles').columns(['district_id', 'status', 'published_at']).execute();
  await db.schema.createIndex('articles_breaking_idx').on('articles').columns(['breaking', 'status', 'published_at']).execute();
  await db.schema.createIndex('articles_scheduled_idx').on('articles').columns(['status', 'scheduled_at']).execute();

  await db.schema
    .createTable('article_people')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_people_pk', ['article_id', 'position'])
    .execute();
  await db.schema.createIndex('article_people_person_idx').on('article_people').columns(['person_id', 'article_id']).execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'position'])
    .execute();
  await db.schema.createIndex('article_tags_tag_idx').on('article_tags').columns(['tag_id', 'article_id']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('id_sequences')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('id_sequences')
    .values(['sections', 'people', 'tags', 'images', 'articles', 'divisions', 'districts'].map((name) => ({ name, value: 0 })))
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  for (const table of [
    'id_sequences',
    'settings',
    'article_tags',
    'article_people',
    'articles',
    'images',
    'tags',
    'people',
    'districts',
    'divisions',
    'sections',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
