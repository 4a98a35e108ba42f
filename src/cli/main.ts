import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { runStart } from './start-command.ts';
import { runImport } from './import-command.ts';
import { runImportWordPress } from './import-wordpress-command.ts';
import { runExport } from './export-command.ts';
import { runMigrate, runSeed } from './db-commands.ts';
import { runBijoy } from './bijoy-command.ts';
import { runTokenCreate, runUserAdd } from './user-commands.ts';
import { runReindex } from './reindex-command.ts';
import { runBackup } from './backup-command.ts';
import { runRestore } from './restore-command.ts';

const USAGE = `prokash — a news-publishing platform for Bengali-language newsrooms

Usage:
  prokash start [--port N] [--workers N|auto] [--no-demo]
                                         serve the site (seeds demo content into an empty database)
  prokash migrate                        run pending database migrations
  prokash seed                           add the demo content
  prokash import FILE.jsonl              import articles (JSON Lines); exit 1 if any line failed
  prokash import --from wordpress FILE.xml [--uploads DIR]
                                         import a WordPress export (WXR): posts, sections, authors, tags,
                                         images from DIR (wp-content/uploads), comments, old links
  prokash export [FILE]                  export every article as JSON Lines (stdout without FILE)
  prokash reindex [--after ID]           rebuild the search index (progress on a terminal; Ctrl-C stops safely);
                                         exit 3 when another reindex is running
  prokash backup FILE                    back up the database and the media folder into one tar file, while
                                         the site serves (PostgreSQL: runs pg_dump; see docs/reliability.md)
  prokash restore FILE                   restore a backup into an EMPTY database and media folder
  prokash bijoy < in.txt > out.txt       convert Bijoy (SutonnyMJ) text to Unicode
  prokash user add --email E --role R [--name N]
                                         add a newsroom user (password from PROKASH_PASSWORD, or printed)
  prokash token create --role R [--name N] | --scope read [--name N]
                                         make an API token (printed once)

Configuration: prokash.config.json, then environment variables (DATABASE_URL, PORT, HOST, …).
See docs/configuration.md.`;

/** Runs one CLI command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case 'start': {
        const { values } = parseArgs({ args: rest, options: { port: { type: 'string' }, workers: { type: 'string' }, 'no-demo': { type: 'boolean' } } });
        const overrides: Record<string, unknown> = {};
        if (values.port !== undefined) overrides.port = values.port;
        if (values.workers !== undefined) overrides.workers = values.workers;
        if (values['no-demo']) overrides.demo = false;
        return await runStart(loadConfig({ overrides }));
      }
      case 'migrate':
        return await runMigrate(loadConfig());
      case 'seed':
        return await runSeed(loadConfig());
      case 'import': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { from: { type: 'string' }, uploads: { type: 'string' } },
        });
        if (values.from !== undefined && values.from !== 'wordpress' && values.from !== 'jsonl') return usageError('--from takes wordpress or jsonl');
        if (values.from === 'wordpress') {
          if (positionals.length !== 1) return usageError('import --from wordpress needs exactly one export FILE.xml');
          return await runImportWordPress(loadConfig(), positionals[0]!, { uploads: values.uploads });
        }
        if (values.uploads !== undefined) return usageError('--uploads is for --from wordpress');
        if (positionals.length !== 1) return usageError('import needs exactly one FILE.jsonl');
        return await runImport(loadConfig(), positionals[0]!);
      }
      case 'export': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
        if (positionals.length > 1) return usageError('export takes at most one FILE');
        return await runExport(loadConfig(), positionals[0]);
      }
      case 'user': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
        });
        if (positionals[0] !== 'add' || positionals.length !== 1) return usageError('usage: prokash user add --email E --role R');
        return await runUserAdd(loadConfig(), values, process.env);
      }
      case 'token': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { role: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string' } },
        });
        if (positionals[0] !== 'create' || positionals.length !== 1) return usageError('usage: prokash token create --role R');
        return await runTokenCreate(loadConfig(), values);
      }
      case 'reindex': {
        const { values } = parseArgs({ args: rest, options: { after: { type: 'string' } } });
        if (values.after !== undefined && !/^\d{1,10}$/.test(values.after)) return usageError('--after takes an article id');
        return await runReindex(loadConfig(), { afterId: values.after === undefined ? undefined : Number(values.after) });
      }
      case 'backup':
      case 'restore': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
        if (positionals.length !== 1) return usageError(`${command} needs exactly one FILE`);
        return await (command === 'backup' ? runBackup : runRestore)(loadConfig(), positionals[0]!);
      }
      case 'bijoy':
        if (rest.length) return usageError('bijoy reads standard input and takes no arguments');
        return await runBijoy(process.stdin, process.stdout);
      default:
        return usageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      return usageError(error.message);
    }
    throw error;
  }
}

function usageError(message: string): number {
  console.error(`prokash: ${message}\n\n${USAGE}`);
  return 2;
}
