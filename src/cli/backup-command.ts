import { spawn } from 'node:child_process';
import { rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from '../config/config-schema.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { TarWriter } from './tar.ts';

/** What a backup archive holds besides the database and the media: `prokash-backup.json`. */
export interface BackupManifest {
  format: 'prokash-backup';
  version: 1;
  dialect: 'sqlite' | 'postgres';
  /** PostgreSQL: the schema dumped (`public` when DATABASE_URL names none). */
  schema?: string;
  createdAt: string;
  /** Files under media/ in the archive. */
  mediaFiles: number;
}

export const MANIFEST = 'prokash-backup.json';
export const SQLITE_ENTRY = 'database.sqlite';
export const PG_ENTRY = 'database.pgdump';

/**
 * `prokash backup FILE`: one tar archive of the database and the media folder, taken while the
 * site serves. SQLite: the online backup API, a consistent copy as of one moment while writes go
 * on. PostgreSQL: `pg_dump --format=custom` of the site's schema (one snapshot). The media folder
 * is copied after the database, so every image the copy names has its files (files of images
 * added meanwhile come along too, and are harmless). Written beside FILE and renamed at the end:
 * FILE is never a half backup.
 */
export async function runBackup(config: Config, file: string): Promise<number> {
  const target = resolve(file);
  if (await stat(target).catch(() => undefined)) {
    console.error(`prokash backup: ${target} exists; name a new file`);
    return 2;
  }
  const partial = `${target}.partial`;
  const dump = `${target}.db.partial`;
  await rm(partial, { force: true });
  await rm(dump, { force: true });
  const started = Date.now();
  const database = await openDatabase(config.databaseUrl);
  try {
    const manifest: BackupManifest = { format: 'prokash-backup', version: 1, dialect: database.dialect, createdAt: new Date().toISOString(), mediaFiles: 0 };
    if (database.dialect === 'sqlite') await sqliteCopy(database, dump);
    else {
      manifest.schema = database.schema ?? 'public';
      const ok = await pgDump(database, manifest.schema, dump);
      if (!ok) return 2;
    }
    const tar = new TarWriter(partial);
    try {
      await tar.addFile(database.dialect === 'sqlite' ? SQLITE_ENTRY : PG_ENTRY, dump);
      manifest.mediaFiles = await tar.addTree('media', resolve(config.mediaDir));
      await tar.addBytes(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
    } finally {
      await tar.close();
    }
    await rename(partial, target);
    const size = (await stat(target)).size;
    console.log(
      `Backed up ${database.label} and ${manifest.mediaFiles} media files to ${target} ` +
        `(${(size / 1048576).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    return 0;
  } finally {
    await rm(dump, { force: true });
    await rm(partial, { force: true });
    await database.close();
  }
}

// SQLite's online backup: pages are copied a step at a time; a write by another process between
// steps restarts the copy. After a first small step the rest goes in one step, which holds a read
// snapshot (WAL: writers go on meanwhile), so the copy ends and is of one moment.
async function sqliteCopy(database: DatabaseHandle, to: string): Promise<void> {
  await database.db.connection().execute(async () => {
    await database.native!.backup(to, { progress: () => 1_000_000_000 });
  });
}

// pg_dump of one schema in its custom format; false (with a message) when pg_dump cannot run.
async function pgDump(database: DatabaseHandle, schema: string, to: string): Promise<boolean> {
  const args = ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schema}`, `--file=${to}`, `--dbname=${database.url!}`];
  const result = await runTool('pg_dump', args);
  if (result.missing) {
    console.error(
      'prokash backup: pg_dump was not found on PATH. Install PostgreSQL client tools of the server version or newer ' +
        `(Debian: postgresql-client), or dump by hand: pg_dump --format=custom --schema=${schema} --file=db.pgdump "$DATABASE_URL" ` +
        '(see docs/reliability.md).',
    );
    return false;
  }
  if (result.code !== 0) {
    console.error(`prokash backup: pg_dump failed (exit ${result.code}): ${result.stderr.trim()}`);
    return false;
  }
  return true;
}

/** Runs a program to its end; `missing` when it is not on PATH. */
export function runTool(command: string, args: string[]): Promise<{ code: number | null; stderr: string; missing: boolean }> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => done({ code: null, stderr: error.message, missing: error.code === 'ENOENT' }));
    child.on('close', (code) => done({ code, stderr, missing: false }));
  });
}
