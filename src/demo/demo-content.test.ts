import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { sql } from 'kysely';
import { districts } from '../content/places/places-data.ts';
import { demoSections } from './demo-sections.ts';
import { demoPeople } from './demo-people.ts';
import { demoArticles, seedArticleId } from './demo-articles.ts';
import type { DemoArticle } from './demo-articles.ts';
import { demoImageSvg, makeDemoImage } from './demo-image.ts';
import { seedDemo } from './seed-demo.ts';
import { fixedClock } from '../lib/clock.ts';
import { DIALECTS, createTestDatabase } from '../../test/helpers/databases.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const demoDir = fileURLToPath(new URL('./', import.meta.url));
// The design notes' picture of an article page (a real daily's, named in its file name): in the
// `shared/fixtures` folder beside the checkout, or beside a folder above it (a git worktree's).
const fixtureDir = [repoRoot, join(repoRoot, '..'), join(repoRoot, '..', '..')].map((d) => join(d, '..', 'shared', 'fixtures')).find((d) => existsSync(d));
const fixtureName = fixtureDir ? readdirSync(fixtureDir).find((n) => /^seed-.+-article\.txt$/.test(n)) : undefined;
const fixturePath = fixtureDir && fixtureName ? join(fixtureDir, fixtureName) : '';
const noFixture = fixturePath ? false : 'the fixture page (shared/fixtures/seed-*-article.txt) is not beside this checkout';
/** The real daily the fixture page is from, written here only as escapes (the demo is Prokash's own). */
const FIXTURE_PAPER = ['\u0995\u09be\u09b2\u09ac\u09c7\u09b2\u09be', 'kal' + 'bela'];

const ZWJ = '\u200d';

/** The newest twenty, newest first: the home page's সর্বশেষ list after seeding (kicker, headline). */
const LATEST: ReadonlyArray<{ id: number; kicker: string; headline: string }> = [
  { id: 251080, kicker: '', headline: 'মুম্বাইয়ের পুরোনো সিঙ্গেল স্ক্রিন প্রেক্ষাগৃহ ফিরছে নতুন রূপে' },
  { id: 251079, kicker: '', headline: 'পরীক্ষার মৌসুমে রাত ১১টা পর্যন্ত খোলা থাকবে রাবির কেন্দ্রীয় গ্রন্থাগার' },
  { id: 251078, kicker: '', headline: 'রাজধানীর ৩০ মোড়ে বসছে স্বয়ংক্রিয় ট্রাফিক সংকেত' },
  { id: 251077, kicker: '', headline: 'কৃষি গুচ্ছের ভর্তি পরীক্ষা এবার আট বিভাগীয় শহরে' },
  { id: 251076, kicker: '', headline: 'সেনবাগে বাঁশের সাঁকোই ভরসা পাঁচ গ্রামের মানুষের' },
  { id: 251075, kicker: '', headline: 'মালয়েশিয়ায় প্রবাসী শ্রমিকদের জন্য বাংলায় আইনি পরামর্শ' },
  { id: 251074, kicker: '', headline: 'শেষ ওভারের নাটকীয়তায় সিলেটের জয়' },
  { id: 251073, kicker: '', headline: 'কালাইয়ে ইউপি উপনির্বাচনে ভোট পড়েছে ৬১ শতাংশ' },
  { id: 251072, kicker: '', headline: 'কার্জন হলের একটি গবেষণাগারে আগুন, হতাহত নেই' },
  { id: 251071, kicker: '', headline: 'পোস্টার-ব্যানারে প্লাস্টিক নয়, প্রার্থীদের চিঠি দেবে ইসি' },
  { id: 251070, kicker: '', headline: 'জেলা হাসপাতালের কেনাকাটায় অনিয়মের অভিযোগ, অনুসন্ধানে দুদক' },
  { id: 251069, kicker: '', headline: 'নতুন আলু উঠতেই দাম কমল, পেঁয়াজে স্বস্তি নেই' },
  { id: 251068, kicker: '', headline: 'দিনভর বসে কাজ? ঘাড় ও কোমরের ব্যথা এড়াতে পাঁচ অভ্যাস' },
  { id: 251067, kicker: '', headline: 'মুম্বাইয়ের স্বাধীন চলচ্চিত্র উৎসবে বাংলাদেশের দুই ছবি' },
  { id: 251066, kicker: '', headline: 'কনটেইনার জট কমাতে বন্দরে কাস্টমস খোলা থাকবে দিনরাত' },
  { id: 251065, kicker: '', headline: 'উল্লাপাড়ায় সরিষার আবাদ বেড়েছে দেড় হাজার হেক্টর' },
  { id: 251064, kicker: '', headline: 'মেঘনায় যাত্রীবাহী লঞ্চে আগুন, সব যাত্রী উদ্ধার' },
  { id: 251063, kicker: `র্${ZWJ}যাগিং প্রতিরোধ`, headline: 'ছাত্রাবাসে অভিযোগ বাক্স, নবীনদের পাশে পরামর্শক শিক্ষক' },
  { id: 251062, kicker: '', headline: 'নেপালে ভূমিধসে মহাসড়ক বন্ধ, আটকা কয়েক শ পর্যটক' },
  { id: 251061, kicker: '', headline: 'অপরিচিত নম্বরের কলেও পর্দায় দেখা যাবে নিবন্ধিত নাম' },
];

/**
 * Real public figures likely to be written about in Bangladeshi news, spelled as the dailies spell
 * them: heads of government and party leaders of Bangladesh, India, Pakistan, the US, Russia and
 * China (and a few more in the news here), Bangladeshi cricketers and footballers, film stars.
 * The demo's stories are invented, so none of them may say or do anything in it.
 */
const PUBLIC_FIGURES: ReadonlyArray<string> = [
  // Bangladesh
  'শেখ হাসিনা',
  'খালেদা জিয়া',
  'তারেক রহমান',
  'মুহাম্মদ ইউনূস',
  'ইউনূস',
  'মির্জা ফখরুল',
  'ফখরুল ইসলাম আলমগীর',
  'ওবায়দুল কাদের',
  'জি এম কাদের',
  'শফিকুর রহমান',
  'নাহিদ ইসলাম',
  'হাসনাত আবদুল্লাহ',
  'সারজিস আলম',
  'সজীব ওয়াজেদ জয়',
  'মো. সাহাবুদ্দিন',
  'আসিফ নজরুল',
  // India
  'নরেন্দ্র মোদি',
  'মোদি',
  'রাহুল গান্ধী',
  'সোনিয়া গান্ধী',
  'অমিত শাহ',
  'মমতা বন্দ্যোপাধ্যায়',
  // Pakistan
  'শাহবাজ শরিফ',
  'নওয়াজ শরিফ',
  'ইমরান খান',
  'আসিফ আলী জারদারি',
  'আসিম মুনির',
  // United States
  'ডোনাল্ড ট্রাম্প',
  'ট্রাম্প',
  'জো বাইডেন',
  'বাইডেন',
  'কমলা হ্যারিস',
  'বারাক ওবামা',
  'মার্কো রুবিও',
  'জেডি ভ্যান্স',
  'ইলন মাস্ক',
  'জোহরান মামদানি',
  'মামদানি',
  // Russia, Ukraine, China
  'ভ্লাদিমির পুতিন',
  'পুতিন',
  'সের্গেই লাভরভ',
  'ভলোদিমির জেলেনস্কি',
  'জেলেনস্কি',
  'শি জিনপিং',
  'সি চিন পিং',
  'লি কিয়াং',
  // Cricketers
  'সাকিব আল হাসান',
  'তামিম ইকবাল',
  'মুশফিকুর রহিম',
  'মাহমুদউল্লাহ',
  'মাশরাফি',
  'মাশরাফী',
  'তাসকিন',
  'মেহেদী হাসান মিরাজ',
  'মিরাজ',
  'নাজমুল হোসেন শান্ত',
  'লিটন দাস',
  'মোস্তাফিজ',
  'তাওহীদ হৃদয়',
  'জাকের আলী',
  'তাইজুল ইসলাম',
  'নাহিদ রানা',
  'রিশাদ হোসেন',
  'সৌম্য সরকার',
  'নিগার সুলতানা',
  // Footballers
  'হামজা চৌধুরী',
  'মোরসালিন',
  'মিতুল মারমা',
  'জামাল ভূঁইয়া',
  'শমিত সোম',
  // Film stars
  'শাকিব খান',
  'জয়া আহসান',
  'পরীমনি',
  'বুবলী',
  'অপু বিশ্বাস',
  'মেহজাবীন চৌধুরী',
  'চঞ্চল চৌধুরী',
  'আফরান নিশো',
  'শাহরুখ খান',
  'অমিতাভ বচ্চন',
  'নুসরাত জাহান',
  'প্রসেনজিৎ',
];

/** The form names are looked for in: NFC, no joiners, ী/ি and ূ/ু folded (ইউনূস = ইউনুস). */
function nameKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u00ad\ufeff]/g, '')
    .replace(/ী/g, 'ি')
    .replace(/ূ/g, 'ু')
    .replace(/\s+/g, ' ');
}

/**
 * The public figures a text names: a name counts where a word starts with it, with or without a
 * case ending (মোদির, পুতিনের), but not inside another word (শান্তি is not শান্ত, আমোদিত not মোদি).
 */
function figuresIn(text: string): string[] {
  const t = nameKey(text);
  const found: string[] = [];
  for (const name of PUBLIC_FIGURES) {
    const key = nameKey(name);
    for (let i = t.indexOf(key); i >= 0; i = t.indexOf(key, i + 1)) {
      if (i === 0 || !/[\p{L}\p{M}\p{Nd}]/u.test(t[i - 1]!)) {
        found.push(name);
        break;
      }
    }
  }
  return found;
}

/** A run this long shared with the fixture page counts as copied. */
const COPIED_RUN = 40;

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
function readFixture(): { lines: string[]; paragraphs: string[]; sidebar: string[] } | null {
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
  return { lines: lines.map((l) => l.trim()).filter((l) => l !== ''), paragraphs, sidebar };
}

/** The form two texts are compared in: NFC, no joiners, single spaces. */
function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u00ad\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Finds, in a text, a line of the fixture page or a run of `COPIED_RUN` characters of one. */
function copyFinder(fixtureLines: string[]): (text: string) => string | undefined {
  const whole = new Set(fixtureLines.map(comparable));
  const runs = new Set<string>();
  for (const line of whole) for (let i = 0; i + COPIED_RUN <= line.length; i++) runs.add(line.slice(i, i + COPIED_RUN));
  return (text) => {
    const t = comparable(text);
    if (whole.has(t)) return t;
    for (let i = 0; i + COPIED_RUN <= t.length; i++) if (runs.has(t.slice(i, i + COPIED_RUN))) return t.slice(i, i + COPIED_RUN);
    return undefined;
  };
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

test('the twenty newest are the সর্বশেষ list, in order, online, each with a summary and an image', () => {
  const newest = byAge.slice(0, 20);
  assert.deepEqual(
    newest.map((a) => ({ id: a.id, kicker: a.kicker, headline: a.headline })),
    LATEST,
  );
  for (let i = 1; i < newest.length; i++) {
    assert.ok(newest[i]!.ageMinutes! > newest[i - 1]!.ageMinutes!, `${newest[i]!.id}: two of the list share a minute`);
  }
  assert.ok(byAge[20]!.ageMinutes! > newest[19]!.ageMinutes!, 'the list ends before the older stories');
  assert.equal(new Set(newest.map((a) => a.headline)).size, 20);
  assert.ok(newest.every((a) => a.edition === 'online' && a.summary !== '' && a.image));
  // As many sections as a real afternoon's list, district news among them.
  assert.ok(new Set(newest.map((a) => a.section.split('/')[0])).size >= 9);
  assert.ok(newest.filter((a) => 'correspondent' in a.byline && a.district).length >= 3);
  // The kicker of the one with a kicker shows as "kicker / headline"; its র্‍যাগিং has the ZWJ.
  assert.ok(newest.some((a) => a.kicker.includes(`র্${ZWJ}য`)));
});

test("the seed article is the portal's own: the fixture page's shape", () => {
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
  assert.equal(seed.body.split('\n\n').length, 10);
});

test('no demo text names a real public figure: the stories put no invented words or acts on real people', () => {
  assert.ok(PUBLIC_FIGURES.length >= 40, `only ${PUBLIC_FIGURES.length} names`);
  assert.equal(new Set(PUBLIC_FIGURES).size, PUBLIC_FIGURES.length, 'a name twice');
  // The finder finds what it should: a name with its case ending, a folded spelling, not a word inside another.
  assert.deepEqual(figuresIn('বৈঠকে মোদির সঙ্গে পুতিনের আলাপ'), ['মোদি', 'পুতিন']);
  assert.deepEqual(figuresIn('অধ্যাপক মুহাম্মদ ইউনুস বলেন'), ['মুহাম্মদ ইউনূস', 'ইউনূস']);
  assert.deepEqual(figuresIn('শান্তিপূর্ণ পরিবেশে আমোদিত দর্শক; সমাপনী অনুষ্ঠান'), []);
  const found: string[] = [];
  const named = (where: string, text: string) => {
    for (const name of figuresIn(text)) found.push(`${where}: ${name} in "${text.slice(0, 60)}"`);
  };
  for (const a of demoArticles) {
    for (const text of [...texts(a), JSON.stringify(a.byline)]) named(`article ${a.id}`, text);
  }
  for (const p of demoPeople) named(`person ${p.slug}`, p.name);
  for (const s of demoSections) named(`section ${s.path}`, s.name);
  assert.deepEqual(found, []);
});

test(`no demo headline, summary or paragraph is the fixture page's, nor has a ${COPIED_RUN}-character run of it`, { skip: noFixture }, () => {
  const fixture = readFixture();
  assert.ok(fixture);
  assert.equal(fixture.sidebar.length, 20, 'the fixture page as the design notes describe it');
  const copied = copyFinder(fixture.lines);
  // The finder finds what it should: a whole line, and a run inside a longer text.
  assert.ok(copied(fixture.paragraphs[0]!));
  assert.ok(copied(`নতুন কথা। ${fixture.paragraphs[3]!.slice(5, 5 + COPIED_RUN)} আরও কথা।`));
  assert.ok(copied(fixture.sidebar[0]!));
  assert.equal(copied('মেকংয়ের তীরে ভাসমান পাঠাগার'), undefined);
  const found: string[] = [];
  for (const a of demoArticles) {
    const parts = [a.kicker, a.headline, a.subheadline, a.summary, ...a.body.split('\n\n')];
    if (a.image) parts.push(a.image.caption, a.image.alt);
    for (const part of parts.filter((p) => p !== '')) {
      const run = copied(part);
      if (run) found.push(`${a.id}: ${run}`);
    }
  }
  assert.deepEqual(found, []);
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

for (const dialect of DIALECTS) {
  test(`no trace of the fixture's paper in the seeded demo database: no row of any table names it (${dialect})`, async () => {
    const t = await createTestDatabase(dialect);
    try {
      await seedDemo({ db: t.db, mediaDir: join(t.dir, 'media'), clock: fixedClock('2026-11-27T06:00:00Z') });
      const tables =
        dialect === 'sqlite'
          ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.db)).rows.map(
              (r) => r.name,
            )
          : (
              await sql<{
                name: string;
              }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.db)
            ).rows.map((r) => r.name);
      assert.ok(tables.includes('articles') && tables.includes('people') && tables.length > 10, tables.join());
      let cells = 0;
      const found: string[] = [];
      for (const table of tables) {
        const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db)).rows;
        for (const row of rows) {
          for (const value of Object.values(row)) {
            const text =
              typeof value === 'string' ? value : value instanceof Uint8Array ? '' : value !== null && typeof value === 'object' ? JSON.stringify(value) : '';
            if (!text) continue;
            cells++;
            for (const name of FIXTURE_PAPER) if (text.toLowerCase().includes(name)) found.push(`${table}: ${text.slice(0, 80)}`);
          }
        }
      }
      assert.ok(cells > 1000, `only ${cells} text cells read`);
      assert.deepEqual(found, []);
    } finally {
      await t.destroy();
    }
  });
}

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
