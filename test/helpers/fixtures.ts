import type { ArticleInput } from '../../src/content/articles/article-input.schema.ts';
import { emptyArticleContent } from '../../src/content/articles/article-content.ts';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The ten body paragraphs of the test fixture article (Prokash's own writing, of a real article page's shape). */
export async function seedParagraphs(): Promise<string[]> {
  return JSON.parse(await readFile(join(FIXTURES, 'seed-article-paragraphs.json'), 'utf8')) as string[];
}

/** Copies the seed article's JSON Lines file into `dir` with a freshly drawn lead image beside it. */
export async function writeSeedArticleFile(dir: string): Promise<string> {
  const file = join(dir, 'seed-article.jsonl');
  await copyFile(join(FIXTURES, 'seed-article.jsonl'), file);
  await writeTestImage(join(dir, 'seed-article.jpg'), 800, 450);
  return file;
}

/** A small real JPEG (a flat colour) for import tests. */
export async function writeTestImage(path: string, width: number, height: number, colour = '#8a2b2b'): Promise<void> {
  await sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg({ quality: 70 })
    .toFile(path);
}

/** A valid exchange record for bulk tests; `n` varies its section, byline and tags. */
export function bulkRecord(n: number): Record<string, unknown> {
  const sections = ['national', 'politics', 'world/asia', 'sports/cricket', 'country'];
  const day = String(1 + (n % 28)).padStart(2, '0');
  return {
    id: 100000 + n,
    section: sections[n % sections.length],
    kicker: n % 7 === 0 ? 'বিশেষ প্রতিবেদন' : '',
    headline: `পরীক্ষামূলক খবর নম্বর ${n}: নদীভাঙনে বিপাকে চরের মানুষ`,
    summary: 'সংক্ষিপ্ত সারাংশ।',
    body: `প্রথম অনুচ্ছেদ ${n}।\n\nদ্বিতীয় অনুচ্ছেদে আরও কিছু কথা।`,
    byline: n % 3 === 0 ? { desk: 'প্রকাশ ডেস্ক' } : n % 3 === 1 ? { authors: ['তানজিলা রহমান'] } : { correspondent: { place: 'দেবিদ্বার', district: 'cumilla' } },
    published_at: `2024-02-${day}T${String(n % 24).padStart(2, '0')}:15:00+06:00`,
    edition: n % 10 === 0 ? 'print' : 'online',
    print_page: n % 10 === 0 ? 1 + (n % 12) : null,
    district: n % 5 === 4 ? 'cumilla' : null,
    tags: [`বিষয়-${n % 50}`, 'নদীভাঙন'],
    status: 'published',
  };
}

/**
 * An article as the newsroom sends it: a desk byline, one paragraph, online, no image, no tags.
 * A test names what it is about (the headline, and whatever else it needs) and takes the rest.
 */
export function articleInput(sectionId: number | null, deskId: number, fields: Partial<ArticleInput> & { headline: string }): ArticleInput {
  return {
    ...emptyArticleContent(),
    sectionId,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${fields.headline}: বিস্তারিত।` }] }] },
    byline: { kind: 'desk', personIds: [deskId] },
    ...fields,
  };
}
