// The import's reading side alone (both passes, every item mapped to a record), for
// bench/wordpress-import.ts --read-only: shows the stream's memory stays flat on a large export.
import { WordPressSite } from '../src/content/exchange/wordpress/wordpress-site.ts';
import { WordPressTally, wordpressRecords } from '../src/content/exchange/wordpress/wordpress-records.ts';

const file = process.argv[2]!;
const site = new WordPressSite(undefined);
await site.read(file);
const tally = new WordPressTally();
let records = 0;
for await (const record of wordpressRecords(file, site, tally)) if (record.extras.sourceKey) records++;
console.log(`${records} posts mapped, ${tally.items} items read`);
