import { rm, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Config } from '../config/config-schema.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { openMigratedDatabase } from '../runtime.ts';
import { MANIFEST, PG_ENTRY, SQLITE_ENTRY, runTool, type BackupManifest } from './backup-command.ts';
import { filesUnder, readTar } from './tar.ts';

// Tables whose rows make a database "not empty": restoring over them would lose them.
const CONTENT_TABLES = ['articles', 'users', 'comments', 'images', 'sections', 'people', 'tags', 'view_counts'] as const;

/**
 * `prokash restore FILE`: puts a `prokash backup` archive into an EMPTY database (a new SQLite
 * file, or a PostgreSQL database or schema with no content) and an empty media folder, then runs
 * the migrations the backup predates. Anything else is refused before a byte is written.
 */
export async function runRestore(config: Config, file: string): Promise<number> {
  const archive = resolve(file);
  if (!(await stat(archive).catch(() => undefined))?.isFile()) return refuse(`file not found: ${archive}`);
  let manifest: BackupManifest | undefined;
  for await (const entry of readTar(archive)) if (entry.name === MANIFEST) manifest = parseManifest((await entry.read()).toString('utf8'));
  if (!manifest) return refuse(`${archive} is not a prokash backup (version 1)`);
  const mediaDir = resolve(config.mediaDir);
  if ((await filesUnder(mediaDir)).length) return refuse(`the media folder ${mediaDir} is not empty; restore into an empty one`);

  const database = await openDatabase(config.databaseUrl);
  const scratch = `${resolve(config.mediaDir)}.restore-${process.pid}`;
  try {
    if (database.dialect !== manifest.dialect) return refuse(`the backup is of a ${manifest.dialect} database and DATABASE_URL names ${database.dialect}`);
    const found = await contentRows(database);
    if (found) return refuse(`the database ${database.label} is not empty (${found}); restore only into an empty database`);
    const dbEntry = database.dialect === 'sqlite' ? SQLITE_ENTRY : PG_ENTRY;
    let media = 0;
    for await (const entry of readTar(archive)) {
      if (entry.name === dbEntry) await entry.extractTo(scratch);
      else if (entry.name.startsWith('media/')) {
        await entry.extractTo(safeJoin(mediaDir, entry.name.slice('media/'.length)));
        media++;
      }
    }
    if (database.dialect === 'sqlite') await sqliteRestore(database, scratch);
    else if (!(await pgRestore(database, manifest.schema ?? 'public', scratch))) return 1;
    const migrated = await openMigratedDatabase(config); // a backup of an older version is brought up to date
    await migrated.close();
    console.log(`Restored ${archive} (taken ${manifest.createdAt}) into ${database.label}, with ${media} media files in ${mediaDir}.`);
    return 0;
  } finally {
    await rm(scratch, { force: true });
    await database.close().catch(() => undefined);
  }
}

function parseManifest(text: string): BackupManifest | undefined {
  const value = JSON.parse(text) as Record<string, unknown>;
  return value.format === 'prokash-backup' && value.version === 1 ? (value as unknown as BackupManifest) : undefined;
}

function refuse(message: string): number {
  console.error(`prokash restore: ${message}. Nothing was changed.`);
  return 2;
}

// A description of the content rows present ("12 articles, 3 users"), or '' when none.
async function contentRows(database: DatabaseHandle): Promise<string> {
  const parts: string[] = [];
  for (const table of CONTENT_TABLES) {
    const n = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db).then(
      (r) => Number(r.rows[0]?.n ?? 0),
      () => 0, // not migrated yet: no such table
    );
    if (n) parts.push(`${n} ${table}`);
  }
  return parts.join(', ');
}

// SQLite's backup API, run from the copy onto the live file: the file is replaced as a whole, in
// one transaction, through SQLite's own locks (never a file copied over an open database).
async function sqliteRestore(database: DatabaseHandle, copy: string): Promise<void> {
  const target = database.native!.name;
  await database.close();
  const source = new SQLite(copy, { readonly: true });
  try {
    await source.backup(target, { progress: () => 1_000_000_000 });
  } finally {
    source.close();
  }
}

// pg_restore into the configured schema. The dump creates the schema it was taken from: the
// target's (empty) schema is dropped first, and a dump of another schema is renamed into place.
async function pgRestore(database: DatabaseHandle, from: string, dump: string): Promise<boolean> {
  const to = database.schema ?? 'public';
  const exists = async (schema: string) => (await sql`SELECT 1 FROM pg_namespace WHERE nspname = ${schema}`.execute(database.db)).rows.length > 0;
  if (from !== to && (await exists(from))) {
    refuse(
      `the backup's schema "${from}" exists in this database; restore into another database, or name "${from}" in DATABASE_URL (?schema=${from}) if it is empty`,
    );
    return false;
  }
  await sql`DROP SCHEMA IF EXISTS ${sql.id(to)} CASCADE`.execute(database.db);
  await database.close();
  const result = await runTool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${database.url!}`, dump]);
  if (result.missing || result.code !== 0) {
    console.error(`prokash restore: pg_restore ${result.missing ? 'was not found on PATH (Debian: postgresql-client)' : `failed: ${result.stderr.trim()}`}`);
    return false;
  }
  if (from !== to) {
    const again = await openDatabase(database.url!);
    try {
      await sql`ALTER SCHEMA ${sql.id(from)} RENAME TO ${sql.id(to)}`.execute(again.db);
    } finally {
      await again.close();
    }
  }
  return true;
}

// A media path from the archive, kept inside the media folder.
function safeJoin(dir: string, name: string): string {
  const path = normalize(name);
  if (!name || isAbsolute(path) || path.split(/[\\/]/).includes('..')) throw new Error(`A media path leaves the media folder: ${name}`);
  return join(dir, path);
}
