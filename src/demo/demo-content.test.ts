import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { districts } from '../content/places/places-data.ts';
import { demoSections } from './demo-sections.ts';
import { demoPeople } from './demo-people.ts';
import { demoArticles, seedArticleId } from './demo-articles.ts';
import type { DemoArticle } from './demo-articles.ts';
import { demoImageSvg, makeDemoImage } from './demo-image.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const demoDir = fileURLToPath(new URL('./', import.meta.url));
// The design notes' picture of an article page (a real daily's, named in its file name), when present.
const fixtureDir = join(repoRoot, '..', 'shared', 'fixtures');
const fixtureName = existsSync(fixtureDir) ? readdirSync(fixtureDir).find((n) => /^seed-.+-article\.txt$/.test(n)) : undefined;
const fixturePath = fixtureName ? join(fixtureDir, fixtureName) : '';
/** The real daily the fixture page is from, written here only as escapes (the demo is Prokash's own). */
const FIXTURE_PAPER = ['\u0995\u09be\u09b2\u09ac\u09c7\u09b2\u09be', 'kal' + 'bela'];

const ZWJ = '\u200d';

/** The fixture's সর্বশেষ list, items ১–২০ (kicker / headline for item ১৮). */
const SIDEBAR: ReadonlyArray<{ kicker: string; headline: string }> = [
  { kicker: '', headline: 'যে কারণে বিয়ের অনুষ্ঠানে নাচেন না রণবীর কাপুর' },
  { kicker: '', headline: 'নোবিপ্রবি সাংবাদিক সমিতির সভাপতি নাহিদ, সম্পাদক মুদ্দাচ্ছির' },
  { kicker: '', headline: 'ঢাকায় ৬.৯ মাত্রার ভূমিকম্পে কত প্রাণহানি হতে পারে, জানাল রাজউক' },
  { kicker: '', headline: 'বিনা অনুমতিতে বিদেশে অবস্থান, চাকরিচ্যুত ইবির অধ্যাপক' },
  { kicker: '', headline: 'গভীর রাতে বাড়িতে পুলিশ, প্রবাসী যুবকের মৃত্যু' },
  { kicker: '', headline: 'ইতালিতে প্রবাসীদের পোস্টাল ভোট নিয়ে বিএনপির কর্মসূচি' },
  { kicker: '', headline: 'ইয়ানসেনের ছয় উইকেটে বিপদে ভারত' },
  { kicker: '', headline: 'ছাত্রশিবিরের অর্ধশতাধিক নেতাকর্মীর ছাত্রদলে যোগদান' },
  { kicker: '', headline: 'ঢাবির বিজয় একাত্তর হলে আগুন' },
  { kicker: '', headline: 'বৃহত্তর সুন্নি জোট থেকে ৩০০ আসনেই প্রার্থী দেওয়া হবে : গিয়াসউদ্দিন তাহেরী' },
  { kicker: '', headline: 'সাবেক মেয়র তাপসের ২১ ব্যাংক হিসাবে ১০ কোটি টাকা ফ্রিজ' },
  { kicker: '', headline: 'ব্র্যাক ব্যাংকের দ্বিতীয় ‘এমপাওয়ারঅ্যাবিলিটি-২০২৫’ অনুষ্ঠিত' },
  { kicker: '', headline: 'ক্যানসারকে দূরে রাখতে চান? এই সহজ ৫ টিপস মানুন আজ থেকেই' },
  { kicker: '', headline: 'কিংবদন্তির মৃত্যুতে স্তব্ধ বলিউড' },
  { kicker: '', headline: 'কর্মসূচি প্রত্যাহার করল চট্টগ্রাম বন্দর রক্ষা পরিষদ' },
  { kicker: '', headline: 'যাত্রী ভেবে পুলিশের গাড়িতে ডাকাতের হানা, অতঃপর...' },
  { kicker: '', headline: 'ভূমিকম্পের প্রস্তুতি নিয়ে জরুরি বৈঠকে প্রধান উপদেষ্টা' },
  {
    kicker: `র্${ZWJ}যাগিংয়ের অভিযোগ`,
    headline: '‘ম্যানার’ শেখানোর নামে থাপ্পড়, কানে শুনছে না নবীন শিক্ষার্থী',
  },
  { kicker: '', headline: 'পাকিস্তানের সিন্ধু একদিন ভারতের হতে পারে : রাজনাথ সিং' },
  { kicker: '', headline: 'বাজারে এলো এআই ফিচার ও এমোলেড ডিসপ্লেসহ নতুন টেকনো ওয়াচ নিও' },
];

const sectionPaths = new Set(demoSections.map((s) => s.path));
const topLevel = demoSections.filter((s) => !s.path.includes('/'));
const districtSlugs = new Set(districts.map((d) => d.slug));
const peopleByName = new Map(demoPeople.map((p) => [p.name, p]));
const byAge = demoArticles
  .filter((a) => a.ageMinutes !== undefined)
  .slice()
  .sort((a, b) => a.ageMinutes! - b.ageMinutes!);

function texts(a: DemoArticle): string[] {
  const out = [a.kicker, a.headline, a.subheadline, a.summary, a.body, ...a.tags];
  if (a.image) out.push(a.image.caption, a.image.credit, a.image.alt);
  return out;
}

/** The fixture's body paragraphs and সর্বশেষ items, or null when the file is absent. */
function readFixture(): { paragraphs: string[]; sidebar: string[] } | null {
  if (!fixturePath || !existsSync(fixturePath)) return null;
  const lines = readFileSync(fixturePath, 'utf8').split('\n');
  const captionLine = lines.findLastIndex((l) => l.includes('ছবি :'));
  const followLine = lines.findIndex((l) => l.includes(' এর সর্বশেষ খবর পেতে'));
  const tabsLine = lines.findIndex((l) => l.trim() === '• জনপ্রিয়');
  assert.ok(captionLine > 0 && followLine > captionLine && tabsLine > followLine, 'fixture layout');
  const paragraphs = lines.slice(captionLine + 1, followLine).filter((l) => l.trim() !== '');
  const sidebar = lines
    .slice(tabsLine + 1)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^[০-৯]+$/.test(l) && l !== 'X');
  return { paragraphs, sidebar };
}

test('sections: at least 10 top-level, unique ASCII paths, parents first, Bengali names', () => {
  assert.ok(topLevel.length >= 10);
  const seen = new Set<string>();
  for (const s of demoSections) {
    assert.match(s.path, /^[a-z]+(-[a-z]+)*(\/[a-z]+(-[a-z]+)*)?$/, s.path);
    assert.ok(!seen.has(s.path), `duplicate section ${s.path}`);
    const parent = s.path.split('/').slice(0, -1).join('/');
    if (parent) assert.ok(seen.has(parent), `${s.path} comes before its parent`);
    seen.add(s.path);
    assert.match(s.name, /^[\p{Script=Bengali}\p{M} ]+$/u, s.name);
    assert.ok(Number.isInteger(s.position) && s.position >= 1);
  }
  for (const p of ['world/asia', 'world/europe', 'world/america', 'sports/cricket', 'sports/football']) {
    assert.ok(sectionPaths.has(p), p);
  }
});

test('people: desks, reporters, correspondents and agencies as required', () => {
  const kinds = (k: string) => demoPeople.filter((p) => p.kind === k);
  assert.equal(new Set(demoPeople.map((p) => p.slug)).size, demoPeople.length);
  assert.equal(new Set(demoPeople.map((p) => p.name)).size, demoPeople.length);
  assert.equal(peopleByName.get('প্রকাশ ডেস্ক')?.slug, 'prokash-desk');
  for (const d of ['খেলা ডেস্ক', 'বিনোদন ডেস্ক', 'আন্তর্জাতিক ডেস্ক']) {
    assert.equal(peopleByName.get(d)?.kind, 'desk', d);
  }
  assert.ok(kinds('reporter').length >= 6 && kinds('reporter').length <= 8);
  assert.ok(kinds('correspondent').length >= 4 && kinds('correspondent').length <= 6);
  assert.deepEqual(
    kinds('agency')
      .map((p) => p.name)
      .sort(),
    ['বাসস', 'রয়টার্স'].sort(),
  );
  for (const p of demoPeople) {
    assert.match(p.slug, /^[a-z]+(-[a-z]+)*$/, p.slug);
    if (p.kind === 'reporter') assert.ok(p.title, `${p.name} has no title`);
    if (p.kind === 'correspondent') {
      assert.ok(p.place, `${p.name} has no place`);
      assert.ok(p.district && districtSlugs.has(p.district), `${p.name}: bad district ${p.district}`);
    }
  }
});

test('articles: counts, ids, sections', () => {
  assert.ok(demoArticles.length >= 64, `only ${demoArticles.length} articles`);
  assert.equal(new Set(demoArticles.map((a) => a.id)).size, demoArticles.length, 'duplicate id');
  const used = new Set(demoArticles.map((a) => a.section));
  for (const s of used) assert.ok(sectionPaths.has(s), `unknown section ${s}`);
  assert.ok(new Set(demoArticles.map((a) => a.section.split('/')[0])).size >= 10);
  for (const top of topLevel) {
    const n = demoArticles.filter((a) => a.section === top.path || a.section.startsWith(`${top.path}/`)).length;
    assert.ok(n >= 3, `section ${top.path} has only ${n} articles`);
  }
});

test('articles: well-formed fields and Bengali text', () => {
  for (const a of demoArticles) {
    const where = `article ${a.id}`;
    assert.ok(Number.isInteger(a.id) && a.id >= 251001, where);
    assert.ok(a.headline.trim() === a.headline && a.headline.length > 0, `${where}: headline`);
    assert.ok(a.summary.length > 0, `${where}: summary`);
    const paragraphs = a.body.split('\n\n');
    assert.ok(paragraphs.length >= 3 && paragraphs.length <= 10, `${where}: ${paragraphs.length} paragraphs`);
    for (const p of paragraphs) {
      assert.ok(p.trim().length >= 40 && !p.includes('\n'), `${where}: short or broken paragraph`);
    }
    assert.ok(a.tags.length >= 1, `${where}: no tags`);
    assert.equal(new Set(a.tags).size, a.tags.length, `${where}: duplicate tag`);
    for (const t of texts(a)) {
      assert.equal(t, t.normalize('NFC'), `${where}: text is not NFC`);
      // র্‍যাব, র্‍যাগিং, র্‍যাম্প … are written with ZWJ after the hasanta.
      assert.doesNotMatch(t, /র\u200d?্য(াগ|াব|াম্প|ালি|াংক)/, `${where}: write র্য in loanwords as র + ্ + U+200D + য`);
      assert.doesNotMatch(t, /\u200d্/, `${where}: ZWJ before the hasanta`);
      assert.doesNotMatch(t, /[\u09DC\u09DD\u09DF]/, `${where}: precomposed nukta letter`);
      // Latin letters only as brand names the papers write in Latin — none are used here.
      assert.doesNotMatch(t, /[A-Za-z]/, `${where}: Latin text "${t.slice(0, 40)}"`);
    }
    if (a.id === seedArticleId) {
      assert.equal(a.published_at, '2023-09-13T16:57:00+06:00');
      assert.equal(a.ageMinutes, undefined);
    } else {
      assert.equal(a.published_at, undefined, `${where}: only the seed article has published_at`);
      assert.ok(Number.isInteger(a.ageMinutes) && a.ageMinutes! > 0, `${where}: ageMinutes`);
      assert.ok(a.ageMinutes! <= 15 * 24 * 60, `${where}: older than the demo window`);
    }
    if (a.updated_after_minutes !== undefined) {
      assert.ok(a.updated_after_minutes > 0 && a.updated_after_minutes < a.ageMinutes!, `${where}: update time`);
    }
    if (a.image) {
      assert.ok(a.image.caption && a.image.credit && a.image.alt, `${where}: image fields`);
      assert.ok(Number.isInteger(a.image.palette) && a.image.palette >= 0, `${where}: palette`);
    }
  }
  assert.ok(demoArticles.filter((a) => a.image).length > demoArticles.length / 2, 'most have an image');
  assert.ok(demoArticles.filter((a) => a.kicker !== '').length >= 4, 'several kickers');
  assert.ok(demoArticles.filter((a) => a.updated_after_minutes !== undefined).length >= 2);
});

test('articles: bylines name demo people; districts exist', () => {
  for (const a of demoArticles) {
    const where = `article ${a.id}`;
    const b = a.byline;
    if ('desk' in b) assert.equal(peopleByName.get(b.desk)?.kind, 'desk', `${where}: ${b.desk}`);
    else if ('authors' in b) {
      assert.ok(b.authors.length >= 1);
      for (const n of b.authors) assert.equal(peopleByName.get(n)?.kind, 'reporter', `${where}: ${n}`);
    } else if ('agency' in b) assert.equal(peopleByName.get(b.agency)?.kind, 'agency', `${where}: ${b.agency}`);
    else {
      const c = b.correspondent;
      assert.ok(districtSlugs.has(c.district), `${where}: district ${c.district}`);
      assert.match(c.place, /^[\p{Script=Bengali}\p{M} ]+$/u, `${where}: place`);
      if (c.name !== undefined) {
        const p = peopleByName.get(c.name);
        assert.equal(p?.kind, 'correspondent', `${where}: ${c.name}`);
        assert.equal(p.place, c.place, `${where}: place differs from ${c.name}'s`);
        assert.equal(p.district, c.district, `${where}: district differs from ${c.name}'s`);
      }
    }
    if (a.district !== undefined) assert.ok(districtSlugs.has(a.district), `${where}: district ${a.district}`);
  }
  const country = demoArticles.filter((a) => a.section === 'country' && 'correspondent' in a.byline && a.district);
  assert.ok(country.length >= 7, `only ${country.length} correspondent country articles`);
  for (const a of country) {
    assert.ok('correspondent' in a.byline && a.byline.correspondent.district === a.district);
  }
});

test('articles: editions, print pages, breaking, days spread', () => {
  const print = demoArticles.filter((a) => a.edition === 'print');
  assert.ok(print.length >= 10 && print.length <= 14, `${print.length} print articles`);
  for (const a of demoArticles) {
    if (a.edition === 'print') {
      assert.ok(Number.isInteger(a.print_page) && a.print_page! >= 1 && a.print_page! <= 12, `${a.id}`);
    } else {
      assert.equal(a.print_page, undefined, `${a.id}: online article with a print page`);
    }
  }
  const samePage = new Map<string, number>();
  for (const a of print) {
    const key = `${Math.floor(a.ageMinutes! / 1440)}/${a.print_page}`;
    samePage.set(key, (samePage.get(key) ?? 0) + 1);
  }
  assert.ok(
    [...samePage.values()].some((n) => n >= 2),
    'several print articles share a day and page',
  );
  const breaking = demoArticles.filter((a) => a.breaking);
  assert.ok(breaking.length >= 2 && breaking.length <= 3);
  const days = new Set(byAge.map((a) => Math.floor(a.ageMinutes! / 1440)));
  assert.ok(days.size >= 7, `articles on only ${days.size} days`);
  assert.ok(Math.max(...byAge.map((a) => a.ageMinutes!)) >= 8 * 1440);
});

test('the twenty সর্বশেষ headlines are the newest, in the fixture order', () => {
  const newest = byAge.slice(0, 20).map((a) => ({ kicker: a.kicker, headline: a.headline }));
  assert.deepEqual(newest, SIDEBAR);
  const fixture = readFixture();
  if (!fixture) return;
  assert.equal(fixture.sidebar.length, 20);
  fixture.sidebar.forEach((item, i) => {
    // The page shows "kicker / headline"; the fixture lacks the ZWJ in র্‍যাগিং.
    const [kicker, headline] = item.includes(' / ') || item.includes('\u00a0/ ') ? (item.split(/\s*\/\s*/) as [string, string]) : ['', item];
    assert.equal(SIDEBAR[i]!.headline, headline, `item ${i + 1}`);
    assert.equal(SIDEBAR[i]!.kicker.replaceAll(ZWJ, ''), kicker, `item ${i + 1} kicker`);
  });
});

test("the seed article is the portal's own: the fixture page's shape, none of its words", () => {
  const seed = demoArticles.find((a) => a.id === seedArticleId);
  assert.ok(seed);
  assert.equal(seedArticleId, 251042);
  assert.equal(seed.section, 'world/asia');
  assert.equal(seed.kicker, '');
  assert.equal(seed.headline, 'মেকংয়ের তীরে ভাসমান পাঠাগার');
  assert.deepEqual(seed.byline, { desk: 'প্রকাশ ডেস্ক' });
  assert.equal(seed.edition, 'online');
  assert.equal(seed.image?.caption, 'মেকংয়ের তীরে বাঁধা ভাসমান পাঠাগারে বই পড়ছে শিশুরা।');
  assert.equal(seed.image.credit, 'সংগৃহীত');
  const paragraphs = seed.body.split('\n\n');
  assert.equal(paragraphs.length, 10);
  // Not one paragraph of the fixture's article (kept in the repository for the import tests).
  const theirs = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'seed-article-paragraphs.json'), 'utf8')) as string[];
  const fixture = readFixture();
  for (const p of [...theirs, ...(fixture?.paragraphs ?? [])]) {
    assert.ok(!seed.body.includes(p.slice(0, 30)), `copied: ${p.slice(0, 30)}`);
  }
});

test("no trace of the fixture's paper in the demo: not in its people, articles or source", () => {
  const words = [
    ...demoPeople.flatMap((p) => [p.name, p.slug]),
    ...demoSections.flatMap((s) => [s.name, s.path]),
    ...demoArticles.flatMap((a) => [...texts(a), JSON.stringify(a.byline)]),
  ];
  const sources = readdirSync(demoDir)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .map((n) => readFileSync(join(demoDir, n), 'utf8'));
  for (const text of [...words, ...sources]) {
    for (const name of FIXTURE_PAPER) assert.ok(!text.toLowerCase().includes(name), text.slice(0, 60));
  }
});

test('makeDemoImage writes a JPEG of the requested size, deterministically', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'prokash-demo-image-'));
  try {
    const big = join(dir, 'nested', 'a.jpg');
    await makeDemoImage(big, 3);
    const meta = await sharp(big).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.width, 1200);
    assert.equal(meta.height, 675);
    const bytes = readFileSync(big);
    assert.equal(bytes[0], 0xff);
    assert.equal(bytes[1], 0xd8);

    const small = join(dir, 'b.jpg');
    await makeDemoImage(small, 7, 320, 200);
    const smallMeta = await sharp(small).metadata();
    assert.equal(smallMeta.format, 'jpeg');
    assert.equal(smallMeta.width, 320);
    assert.equal(smallMeta.height, 200);

    const again = join(dir, 'c.jpg');
    await makeDemoImage(again, 3);
    assert.deepEqual(readFileSync(again), bytes, 'same palette gives the same bytes');
    assert.equal(demoImageSvg(5), demoImageSvg(5));
    assert.notEqual(demoImageSvg(5), demoImageSvg(6));
    assert.doesNotMatch(demoImageSvg(5), /<text|font|href=/, 'no text, fonts or links');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
