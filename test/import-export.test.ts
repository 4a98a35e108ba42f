import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { bulkRecord, seedParagraphs, writeSeedArticleFile, articleInput } from './helpers/fixtures.ts';
import { ContentWriter } from '../src/content/events/content-writer.ts';
import { importArticles } from '../src/content/exchange/import-articles.ts';
import { exportArticles } from '../src/content/exchange/export-articles.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { ArticleService } from '../src/content/articles/article.service.ts';
import { ensureSectionPath } from '../src/content/sections/section.repository.ts';
import { ensurePerson } from '../src/content/people/person.repository.ts';
import { documentToPlainText, parseDocument } from '../src/content/document/index.ts';

const clock = fixedClock('2026-11-27T06:00:00Z');

async function importLines(t: TestDatabase, lines: string[], baseDir = t.dir) {
  return importArticles({ writer: new ContentWriter({ db: t.db, clock }), lines, baseDir, mediaDir: join(t.dir, 'media'), clock, batchSize: 250 });
}

for (const dialect of DIALECTS) {
  describe(`import and export (${dialect})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => {
      await t.destroy();
    });

    test('the seed article imports with every field, and a second run changes nothing', async () => {
      const file = await writeSeedArticleFile(t.dir);
      const lines = (await readFile(file, 'utf8')).split('\n');
      const first = await importLines(t, lines);
      assert.deepEqual([first.created, first.updated, first.unchanged, first.failed], [1, 0, 0, []]);
      const row = await t.db.selectFrom('articles').selectAll().where('id', '=', 251042).executeTakeFirstOrThrow();
      assert.equal(row.headline, 'মহাকাশ কেন্দ্রে পুতিনের সঙ্গে কিমের বৈঠক');
      assert.equal(row.published_at, '2023-09-13T10:57:00.000Z');
      assert.equal(row.status, 'published');
      const paragraphs = documentToPlainText(parseDocument(JSON.parse(row.body))).split('\n\n');
      assert.deepEqual(paragraphs, await seedParagraphs());
      const image = await t.db.selectFrom('images').selectAll().where('id', '=', row.image_id!).executeTakeFirstOrThrow();
      assert.equal(image.mime, 'image/jpeg');
      assert.deepEqual([image.width, image.height, image.credit], [800, 450, 'রয়টার্স']);
      const desk = await t.db
        .selectFrom('article_people')
        .innerJoin('people', 'people.id', 'article_people.person_id')
        .select(['people.name', 'people.kind'])
        .where('article_id', '=', 251042)
        .execute();
      assert.deepEqual(desk, [{ name: 'আন্তর্জাতিক ডেস্ক', kind: 'desk' }]);
      const section = await t.db.selectFrom('sections').select('path').where('id', '=', row.section_id).executeTakeFirstOrThrow();
      assert.equal(section.path, 'world/asia');

      const second = await importLines(t, lines);
      assert.deepEqual([second.created, second.updated, second.unchanged], [0, 0, 1]);
      const again = await t.db.selectFrom('articles').select('modified_at').where('id', '=', 251042).executeTakeFirstOrThrow();
      assert.equal(again.modified_at, row.modified_at);
    });

    test('2,000 lines with three broken ones keep 1,997, name the three lines, and re-run as a no-op', async () => {
      const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify(bulkRecord(i + 1)));
      lines[16] = '{"id": 100017, "headline": "ভাঙা লাইন"'; // line 17: not JSON
      lines[999] = JSON.stringify({ ...bulkRecord(1000), headline: '' }); // line 1000: empty headline
      lines[1998] = JSON.stringify({ ...bulkRecord(1999), district: 'atlantis' }); // line 1999: unknown district
      const first = await importLines(t, lines);
      assert.deepEqual(
        first.failed.map((f) => f.line),
        [17, 1000, 1999],
      );
      assert.match(first.failed[0]!.error, /not valid JSON/);
      assert.match(first.failed[1]!.error, /headline/);
      assert.match(first.failed[2]!.error, /unknown district "atlantis"/);
      assert.equal(first.created, 1997);
      const count = await t.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('id', '>', 100000)
        .where('id', '<', 200000)
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1997);

      const second = await importLines(t, lines);
      assert.deepEqual([second.created, second.updated, second.unchanged, second.failed.length], [0, 0, 1997, 3]);
    });

    test('a changed line updates its article in place', async () => {
      const record = { ...bulkRecord(5), headline: 'সংশোধিত শিরোনাম', tags: ['নতুন বিষয়'] };
      const report = await importLines(t, [JSON.stringify(record)]);
      assert.deepEqual([report.created, report.updated], [0, 1]);
      const row = await t.db.selectFrom('articles').select('headline').where('id', '=', 100005).executeTakeFirstOrThrow();
      assert.equal(row.headline, 'সংশোধিত শিরোনাম');
      const tags = await t.db
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select('tags.name')
        .where('article_id', '=', 100005)
        .execute();
      assert.deepEqual(tags, [{ name: 'নতুন বিষয়' }]);
    });

    test('bad records are refused with reasons, never half-written', async () => {
      const cases: Array<[Record<string, unknown> | string, RegExp]> = [
        [{ ...bulkRecord(3001), section: 'World Asia' }, /section/],
        [{ ...bulkRecord(3009), section: 'topic/asia' }, /section: starts with a name the site uses/],
        [{ ...bulkRecord(3002), published_at: '2024-02-01 10:00' }, /published_at/],
        [{ ...bulkRecord(3003), byline: { desk: '' } }, /byline/],
        [{ ...bulkRecord(3004), edition: 'print', print_page: null }, /print_page/],
        [{ ...bulkRecord(3005), image: { src: 'https://example.com/a.jpg' } }, /local files only/],
        [{ ...bulkRecord(3006), image: { src: 'missing.jpg' } }, /not found/],
        [{ ...bulkRecord(3007), unknown_field: 1 }, /unknown_field|Unrecognized/i],
        [{ ...bulkRecord(3008), body: { type: 'doc', content: [{ type: 'script' }] } }, /body/],
        ['[1,2,3]', /JSON object/],
      ];
      const report = await importLines(
        t,
        cases.map(([c]) => (typeof c === 'string' ? c : JSON.stringify(c))),
      );
      assert.equal(report.created, 0);
      assert.equal(report.failed.length, cases.length);
      for (const [i, [, pattern]] of cases.entries()) assert.match(report.failed[i]!.error, pattern, `line ${i + 1}`);
      const none = await t.db.selectFrom('articles').select('id').where('id', '>', 103000).where('id', '<', 200000).execute();
      assert.deepEqual(none, []);
    });

    test('export writes the same format and round-trips without a change', async () => {
      // The seed article has old links (redirects): they are exported and come back on import.
      const seedLine = JSON.parse((await readFile(await writeSeedArticleFile(t.dir), 'utf8')).trim()) as Record<string, unknown>;
      const withOldLinks = await importLines(t, [
        JSON.stringify({ ...seedLine, old_urls: ['https://old.example.com/2023/09/13/%E0%A6%95%E0%A6%BF%E0%A6%AE/', '/?p=77'] }),
      ]);
      assert.deepEqual(withOldLinks.failed, []);
      const records = [];
      for await (const record of exportArticles({ db: t.db, mediaDir: join(t.dir, 'media'), timeZone: 'Asia/Dhaka' })) records.push(record);
      assert.equal(records.length, 1998);
      const seed = records.find((r) => r.id === 251042)!;
      assert.equal(seed.published_at, '2023-09-13T16:57:00+06:00');
      assert.deepEqual(seed.byline, { desk: 'আন্তর্জাতিক ডেস্ক' });
      assert.equal(seed.image?.credit, 'রয়টার্স');
      assert.deepEqual([...(seed.old_urls ?? [])].sort(), ['/2023/09/13/কিম', '/?p=77'].sort());
      const lines = records.map((r) => JSON.stringify(r));
      const again = await importLines(t, lines);
      assert.deepEqual([again.created, again.updated, again.unchanged, again.failed], [0, 0, 1998, []]);

      const fresh = await createTestDatabase(dialect);
      try {
        const copy = await importArticles({
          writer: new ContentWriter({ db: fresh.db, clock }),
          lines,
          baseDir: fresh.dir,
          mediaDir: join(fresh.dir, 'media'),
          clock,
        });
        assert.deepEqual([copy.created, copy.failed], [1998, []]);
        const copied = await fresh.db.selectFrom('redirects').select(['path', 'article_id']).orderBy('path').execute();
        assert.deepEqual(copied.map((r) => `${r.path} ${r.article_id}`).sort(), seed.old_urls!.map((path) => `${path} 251042`).sort());
        const exported = [];
        for await (const r of exportArticles({ db: fresh.db, mediaDir: join(fresh.dir, 'media'), timeZone: 'Asia/Dhaka' })) {
          exported.push({ ...r, image: r.image && { ...r.image, src: 'x' } });
        }
        assert.deepEqual(
          exported,
          records.map((r) => ({ ...r, image: r.image && { ...r.image, src: 'x' } })),
        );
      } finally {
        await fresh.destroy();
      }
    });

    test('an article written in the newsroom, exported and imported back unchanged, is unchanged', async () => {
      const writer = new ContentWriter({ db: t.db, clock });
      const articles = new ArticleService({ db: t.db, clock, writer });
      const editor = { role: 'editor' as const, userId: null, name: 'সম্পাদক' };
      const now = clock.now().toISOString();
      const section = await ensureSectionPath(t.db, 'sports/cricket', now, { sports: 'খেলা', cricket: 'ক্রিকেট' });
      const reporter = await ensurePerson(t.db, { kind: 'reporter', name: 'রফিক আহমেদ' }, now);
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'সিলেটে বৃষ্টিতে খেলা বন্ধ ছিল এক ঘণ্টা।' }] }] };
      const input = articleInput(section.id, reporter.id, {
        kicker: 'বৃষ্টি',
        headline: 'বৃষ্টিতে থামল সিলেট টেস্ট',
        summary: 'এক ঘণ্টা খেলা হয়নি।',
        body,
        byline: { kind: 'reporters', personIds: [reporter.id] },
        edition: 'print',
        printPage: 12,
        tags: ['ক্রিকেট', 'সিলেট'],
      });
      const created = await articles.create(editor, input);
      await articles.publish(editor, created.id);
      const exportOne = async () => {
        for await (const record of exportArticles({ db: t.db, mediaDir: join(t.dir, 'media'), timeZone: 'Asia/Dhaka' }))
          if (record.id === created.id) return JSON.stringify(record);
        throw new Error('not exported');
      };
      const line = await exportOne();
      const again = await importLines(t, [line]);
      assert.deepEqual([again.created, again.updated, again.unchanged, again.failed], [0, 0, 1, []]);

      // An edit in the newsroom makes the old export a change again, and the new export none.
      const saved = await articles.get(editor, created.id);
      await articles.save(editor, created.id, { ...input, headline: 'বৃষ্টিতে থামল সিলেট টেস্ট, পরে শুরু' }, saved.revision, false);
      assert.equal((await importLines(t, [await exportOne()])).unchanged, 1);
      assert.equal((await importLines(t, [line])).updated, 1);
    });
  });
}
