// Writes a generated corpus straight into the content tables (published articles, bylines, tags),
// in large transactions: the benchmarks measure indexing and serving, not the importer.
// `realistic` (the serving benchmark) adds what a real site's pages carry and the search
// benchmark does not need: lead images with responsive variants on about half the articles,
// reporters and district correspondents besides the desk, districts, print-edition pages and a
// few breaking stories. Everything is drawn from a seeded PRNG in article order: deterministic.
import { articleRow } from '../src/content/articles/article-row.ts';
import { emptyArticleContent, type ArticleContent } from '../src/content/articles/article-content.ts';
import type { Doc } from '../src/content/document/index.ts';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, BylineKind } from '../src/db/schema.ts';
import { seededRandom } from '../src/lib/seeded-random.ts';
import type { CorpusArticle } from './corpus.ts';

export interface LoadedCorpus {
  articles: number;
  /** Body words written, for the mean article length. */
  words: number;
}

export interface LoadOptions {
  realistic?: boolean;
  /** Corpus size, so the newest few articles can be made breaking (realistic only). */
  total?: number;
}

const BATCH = 2000;
const DESK_ID = 1_000_000;
const VARIANT_WIDTHS = [320, 640, 960] as const;

// Bylines besides the desk (realistic only): ids after the desk's, correspondents with a district.
const REPORTERS = ['তানভীর হাসান', 'নুসরাত জাহান', 'মাহমুদুল হক', 'ফারহানা আক্তার', 'রাকিবুল ইসলাম', 'সাবরিনা চৌধুরী'];
const CORRESPONDENTS: Array<[string, number]> = [
  ['আবদুল করিম', 1],
  ['শাহীন আলম', 9],
  ['মিজানুর রহমান', 17],
  ['সুমাইয়া খাতুন', 26],
  ['জাহিদুল ইসলাম', 34],
  ['রুবেল হোসেন', 43],
  ['মোস্তফা কামাল', 52],
  ['লাইলা বেগম', 60],
];
const CAPTIONS = ['রাজধানীর একটি সড়কে যানজট', 'সংবাদ সম্মেলনে বক্তব্য দিচ্ছেন নেতারা', 'মাঠে অনুশীলনে খেলোয়াড়েরা', 'বাজারে ক্রেতাদের ভিড়', 'ক্যাম্পাসে শিক্ষার্থীরা'];
const CREDITS = ['ছবি: প্রকাশ', 'ছবি: সংগৃহীত', 'ছবি: এএফপি', 'ছবি: রয়টার্স'];

/** Loads the articles; `sectionIds[a.sectionIndex]` is each article's section. */
export async function loadCorpus(
  db: Kysely<Database>,
  articles: Iterable<CorpusArticle>,
  sectionIds: number[],
  progress: (n: number) => void,
  options: LoadOptions = {},
): Promise<LoadedCorpus> {
  const now = new Date().toISOString();
  const person = (id: number, slug: string, name: string, kind: 'desk' | 'reporter' | 'correspondent', district: number | null = null) => ({
    id,
    slug,
    name,
    kind,
    title: kind === 'reporter' ? 'নিজস্ব প্রতিবেদক' : '',
    place: '',
    district_id: district,
    bio: '',
    created_at: now,
  });
  await db
    .insertInto('people')
    .values(person(DESK_ID, 'bench-desk', 'প্রকাশ ডেস্ক', 'desk'))
    .execute();
  const reporterIds = REPORTERS.map((_, i) => DESK_ID + 1 + i);
  const correspondentIds = CORRESPONDENTS.map((_, i) => DESK_ID + 1 + REPORTERS.length + i);
  if (options.realistic) {
    await db
      .insertInto('people')
      .values([
        ...REPORTERS.map((name, i) => person(reporterIds[i]!, `bench-reporter-${i + 1}`, name, 'reporter')),
        ...CORRESPONDENTS.map(([name, district], i) => person(correspondentIds[i]!, `bench-correspondent-${i + 1}`, name, 'correspondent', district)),
      ])
      .execute();
  }
  const r = seededRandom(20261127);
  // An older checkout's schema (measured side by side) has no published_at on the link tables.
  const linkTimes = await sql`SELECT published_at FROM article_tags WHERE 1 = 0`.execute(db).then(
    () => true,
    () => false,
  );
  const tagIds = new Map<string, number>();
  const loaded: LoadedCorpus = { articles: 0, words: 0 };
  let batch: CorpusArticle[] = [];
  const flush = async () => {
    await db.transaction().execute(async (trx) => {
      for (const a of batch) {
        for (const name of a.tags) {
          if (tagIds.has(name)) continue;
          const id = 1_000_000 + tagIds.size;
          await trx
            .insertInto('tags')
            .values({ id, slug: `bench-${id}`, name, created_at: now })
            .execute();
          tagIds.set(name, id);
        }
      }
      for (let i = 0; i < batch.length; i += 200) {
        const chunk = batch.slice(i, i + 200).map((a) => ({ a, extra: options.realistic ? extras(a, r, options.total ?? 0) : undefined }));
        const images = chunk.flatMap(({ a, extra }) => (extra?.image ? [imageRow(a, extra.image)] : []));
        if (images.length) {
          await trx.insertInto('images').values(images).execute();
          await trx.insertInto('image_variants').values(images.flatMap(variantRows)).execute();
        }
        await trx
          .insertInto('articles')
          .values(chunk.map(({ a, extra }) => ({ ...row(a, sectionIds, now), ...extra?.columns })))
          .execute();
        // Tag and author pages read published_at from the link rows (since migration 0008).
        const listed = (a: CorpusArticle) => (linkTimes ? { published_at: a.publishedAt } : {});
        await trx
          .insertInto('article_people')
          .values(
            chunk.flatMap(({ a, extra }) =>
              (extra?.people ?? [DESK_ID]).map((person_id, position) => ({ article_id: a.id, person_id, position, ...listed(a) })),
            ),
          )
          .execute();
        const tags = chunk.flatMap(({ a }) =>
          [...new Set(a.tags)].map((t, position) => ({ article_id: a.id, tag_id: tagIds.get(t)!, position, ...listed(a) })),
        );
        await trx.insertInto('article_tags').values(tags).execute();
      }
    });
    for (const a of batch) loaded.words += a.body.join(' ').split(/\s+/).length;
    loaded.articles += batch.length;
    if (loaded.articles % 100_000 === 0) progress(loaded.articles);
    batch = [];
  };

  // Per article: byline, district, edition, breaking flag and lead image, drawn in article order.
  function extras(a: CorpusArticle, rand: () => number, total: number) {
    const draw = rand();
    let kind: BylineKind = 'desk';
    let people = [DESK_ID];
    let district: number | null = null;
    if (draw < 0.3) {
      kind = 'reporters';
      people =
        rand() < 0.8
          ? [reporterIds[Math.floor(rand() * reporterIds.length)]!]
          : [reporterIds[0]!, reporterIds[1 + Math.floor(rand() * (reporterIds.length - 1))]!];
    } else if (draw < 0.45) {
      const c = Math.floor(rand() * correspondentIds.length);
      kind = 'correspondent';
      people = [correspondentIds[c]!];
      district = CORRESPONDENTS[c]![1];
    } else if (rand() < 0.1) district = 1 + Math.floor(rand() * 64); // a desk story about a district
    const print = rand() < 0.1;
    const breaking = a.id > total - 3 || rand() < 0.001;
    const image =
      rand() < 0.5
        ? { caption: CAPTIONS[Math.floor(rand() * CAPTIONS.length)]!, credit: CREDITS[Math.floor(rand() * CREDITS.length)]!, landscape: rand() < 0.9 }
        : undefined;
    return {
      people,
      image,
      columns: {
        byline_kind: kind,
        district_id: district,
        breaking: breaking ? 1 : 0,
        image_id: image ? a.id : null,
        edition: print ? ('print' as const) : ('online' as const),
        print_page: print ? 1 + Math.floor(rand() * 20) : null,
      },
    };
  }

  for (const a of articles) {
    batch.push(a);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  await sql`UPDATE id_sequences SET value = (SELECT max(id) FROM articles) WHERE name = 'articles'`.execute(db);
  // So that anything the newsroom adds later (a tag, a person, an image) gets a free id.
  for (const table of ['people', 'tags', 'images'] as const) {
    await sql`UPDATE id_sequences SET value = (SELECT coalesce(max(id), 0) FROM ${sql.table(table)}) WHERE name = ${table}`.execute(db);
  }
  return loaded;
}

/** One image per illustrated article (id = the article's), content-addressed as uploads are. */
function imageRow(a: CorpusArticle, meta: { caption: string; credit: string; landscape: boolean }) {
  const sha256 = createHash('sha256').update(`bench-image-${a.id}`).digest('hex');
  const [width, height] = meta.landscape ? [1200, 675] : [800, 1000];
  return {
    id: a.id,
    sha256,
    stored_sha256: sha256,
    path: `${mediaBase(a, sha256)}.jpg`,
    mime: 'image/jpeg',
    width,
    height,
    bytes: 180_000,
    caption: meta.caption,
    credit: meta.credit,
    alt: meta.caption,
    created_at: a.publishedAt,
  };
}

function variantRows(image: { id: number; path: string; width: number }) {
  const base = image.path.replace(/\.jpg$/, '');
  return VARIANT_WIDTHS.filter((w) => w < image.width).flatMap((width) => [
    { image_id: image.id, width, format: 'webp' as const, path: `${base}-${width}.webp`, bytes: width * 40 },
    { image_id: image.id, width, format: 'jpeg' as const, path: `${base}-${width}.jpg`, bytes: width * 60 },
  ]);
}

// `yyyy/mm/<20 hex>` as saveImage names uploads (the month of publication).
const mediaBase = (a: CorpusArticle, sha256: string) => `${a.publishedAt.slice(0, 4)}/${a.publishedAt.slice(5, 7)}/${sha256.slice(0, 20)}`;

function row(a: CorpusArticle, sectionIds: number[], now: string) {
  const body: Doc = { type: 'doc', content: a.body.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
  const content: ArticleContent = {
    ...emptyArticleContent(),
    sectionId: sectionIds[a.sectionIndex % sectionIds.length]!,
    kicker: a.kicker,
    headline: a.headline,
    summary: a.summary,
    body,
  };
  return articleRow(a.id, content, { status: 'published', published_at: a.publishedAt, created_at: now, modified_at: now, revision: 1 });
}
