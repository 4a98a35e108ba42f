/**
 * Renders every reader page from the sample view models into /tmp/prokash-preview/*.html, for
 * looking at the templates in a browser. Starts no server:
 *   node --import tsx scripts/preview-templates.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderArchivePage, renderArticlePage, renderErrorPage, renderHomePage, renderListPage, renderSectionPage } from '../src/site/templates/index.ts';
import {
  sampleArchivePage,
  sampleArticle,
  sampleErrorPage,
  sampleHome,
  sampleLists,
  sampleListPage,
  sampleSectionPage,
  sampleSite,
} from '../src/site/templates/sample-view-models.ts';

const outDir = process.argv[2] ?? '/tmp/prokash-preview';
// The real stylesheets, inlined as the site does.
const site = sampleSite();

const pages: Record<string, string> = {
  'article.html': renderArticlePage(site, sampleArticle(), sampleLists()),
  'article-updated.html': renderArticlePage(
    site,
    sampleArticle({
      updatedLabel: '১৩ সেপ্টেম্বর ২০২৩, ০৬:১০ পিএম',
      updatedIso: '2023-09-13T18:10:00+06:00',
      editionLabel: 'প্রিন্ট সংস্করণ',
      printPageLabel: 'প্রিন্ট সংস্করণ, পৃষ্ঠা ৩',
      bylines: [
        { name: 'নিজস্ব প্রতিবেদক', href: '/author/staff' },
        { name: 'দেবিদ্বার (কুমিল্লা) প্রতিনিধি', href: '/author/debidwar' },
      ],
      district: { name: 'কুমিল্লা', href: '/district/cumilla' },
    }),
    sampleLists(),
  ),
  'home.html': renderHomePage(site, sampleHome()),
  'section.html': renderSectionPage(site, sampleSectionPage()),
  'list.html': renderListPage(site, sampleListPage()),
  'list-empty.html': renderListPage(site, { ...sampleListPage(), kind: 'tag', title: 'নতুন বিষয়', subtitle: '', articles: [] }),
  'archive.html': renderArchivePage(site, sampleArchivePage()),
  'error.html': renderErrorPage(site, sampleErrorPage()),
};

mkdirSync(outDir, { recursive: true });
for (const [name, markup] of Object.entries(pages)) {
  writeFileSync(join(outDir, name), markup);
  console.log(join(outDir, name));
}
