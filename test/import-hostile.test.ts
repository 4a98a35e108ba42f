// Hostile input through `prokash import`'s path (readLines → importArticles), on each dialect: a
// 10 MB line, bodies of deeply nested HTML, entity bombs and script carriers. Every bad line is
// reported by number with a clear reason and the good lines around it still land; every body
// that lands renders into the serializer's allowlist.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { DIALECTS, createTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { bulkRecord } from './helpers/fixtures.ts';
import { allowlistProblems } from './helpers/html-allowlist.ts';
import { ContentWriter } from '../src/content/events/content-writer.ts';
import { importArticles } from '../src/content/exchange/import-articles.ts';
import { parseDocument, renderDocumentHtml } from '../src/content/document/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { readLines } from '../src/lib/read-lines.ts';

const clock = fixedClock('2026-11-27T06:00:00Z');

const line = (n: number, body: unknown) => JSON.stringify({ ...bulkRecord(n), body });

for (const dialect of DIALECTS) {
  describe(`import of hostile lines (${dialect})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => {
      await t.destroy();
    });

    test('a 10 MB line, nested HTML, an entity bomb and script carriers: clear errors by line, the rest imported and safe', async () => {
      const lines = [
        line(1, 'প্রথম অনুচ্ছেদ।'),
        line(2, `<p>${'ক'.repeat(3_500_000)}</p>`), // 10.5 MB: longer than a line may be
        line(3, `${'<div>'.repeat(10_000)}গভীর${'</div>'.repeat(10_000)}`),
        line(4, `<p>${'&amp;'.repeat(300_000)}</p>`),
        line(
          5,
          '<p onclick="alert(1)">খবর<script>alert(2)</script></p><svg onload="alert(3)"></svg><iframe srcdoc="<script>alert(4)</script>"></iframe>' +
            '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(5)"><form action="https://evil.example/"><input name="p"></form>' +
            '<p><a href="javascript:alert(6)">লিংক</a><img src="/media/x.jpg" onerror="alert(7)"></p>',
        ),
        line(6, `${'<i>'.repeat(100_000)}x`),
        line(7, 'শেষ অনুচ্ছেদ।'),
      ];
      const file = join(t.dir, 'hostile.jsonl');
      await writeFile(file, lines.join('\n'));
      const report = await importArticles({
        writer: new ContentWriter({ db: t.db, clock }),
        lines: readLines(file),
        baseDir: t.dir,
        mediaDir: join(t.dir, 'media'),
        clock,
      });
      assert.equal(report.lines, 7);
      assert.equal(report.created, 3);
      assert.deepEqual(
        report.failed.map((f) => f.line),
        [2, 3, 4, 6],
      );
      const reasons = new Map(report.failed.map((f) => [f.line, f.error]));
      assert.match(reasons.get(2)!, /^the line is 10\.0 MB long; a line may hold at most 8\.0 MB/);
      assert.match(reasons.get(3)!, /^body: the HTML nests elements more than 512 deep/);
      assert.match(reasons.get(4)!, /^body: the document has more than 200000 characters of text/);
      assert.match(reasons.get(6)!, /^body: the HTML has more than 50000 tags/);

      const rows = await t.db.selectFrom('articles').select(['id', 'body']).orderBy('id').execute();
      assert.deepEqual(
        rows.map((r) => r.id),
        [100001, 100005, 100007],
      );
      for (const row of rows) {
        const html = renderDocumentHtml(parseDocument(JSON.parse(row.body)));
        assert.deepEqual(allowlistProblems(html), [], html);
        assert.doesNotMatch(html, /alert|script|evil\.example|srcdoc/);
      }
      const sanitised = renderDocumentHtml(parseDocument(JSON.parse(rows[1]!.body)));
      assert.equal(sanitised, '<p>খবর</p><p>লিংক</p><figure class="body-image"><img src="/media/x.jpg" alt="" loading="lazy" decoding="async"></figure>');
    });
  });
}
