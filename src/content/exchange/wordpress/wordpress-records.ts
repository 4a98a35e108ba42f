import type { MappedRecord } from '../import-articles.ts';
import { mapWordPressItem, type SkipReason } from './map-wordpress-item.ts';
import { readWxr } from './wxr-reader.ts';
import type { WordPressSite } from './wordpress-site.ts';

/** Examples kept per skip reason and of missing images (the counts are exact). */
const EXAMPLES = 10;

/** What the WordPress side of an import saw, beside what the import wrote. */
export class WordPressTally {
  items = 0;
  posts = 0;
  readonly skipped = new Map<SkipReason, { count: number; examples: string[] }>();
  missingImages = 0;
  readonly missingExamples: string[] = [];
  unapprovedComments = 0;
  bytes = 0;

  skip(reason: SkipReason, title: string): void {
    const entry = this.skipped.get(reason) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < EXAMPLES) entry.examples.push(title);
    this.skipped.set(reason, entry);
  }

  missing(files: readonly string[]): void {
    this.missingImages += files.length;
    for (const f of files) if (this.missingExamples.length < EXAMPLES) this.missingExamples.push(f);
  }
}

/** The posts of an export as records for importArticles, counting what is skipped and why; read as a stream. */
export async function* wordpressRecords(file: string, site: WordPressSite, tally: WordPressTally): AsyncGenerator<MappedRecord> {
  for await (const node of readWxr(file, { onBytes: (b) => (tally.bytes = b) })) {
    if (node.name !== 'item') continue;
    tally.items++;
    const item = mapWordPressItem(node, site);
    if (item.kind === 'skip') {
      tally.skip(item.reason, item.title);
      continue;
    }
    tally.posts++;
    tally.missing(item.missingImages);
    tally.unapprovedComments += item.unapprovedComments;
    yield item.mapped;
  }
}
