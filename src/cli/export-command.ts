import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Config } from '../config/config-schema.ts';
import { openMigratedDatabase } from '../runtime.ts';
import { exportArticles } from '../content/exchange/export-articles.ts';

/** `prokash export [FILE]`: every article as JSON Lines, streamed (stdout without FILE). */
export async function runExport(config: Config, file: string | undefined): Promise<number> {
  const database = await openMigratedDatabase(config);
  const out: Writable = file ? createWriteStream(resolve(file)) : process.stdout;
  let count = 0;
  try {
    for await (const record of exportArticles({ db: database.db, mediaDir: resolve(config.mediaDir), timeZone: config.timeZone })) {
      if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
      count++;
      if (file && process.stderr.isTTY && count % 500 === 0) process.stderr.write(`\r${count} articles exported`);
    }
  } finally {
    await database.close();
    if (file) {
      out.end();
      await once(out, 'finish');
    }
  }
  if (file) console.error(`${process.stderr.isTTY ? '\r' : ''}Exported ${count} articles to ${resolve(file)}.`);
  return 0;
}
