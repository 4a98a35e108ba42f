import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { configSchema, type Config } from './config-schema.ts';

/** Environment variables and the config keys they set. */
const ENV_KEYS: Record<string, keyof z.input<typeof configSchema>> = {
  PORT: 'port',
  WORKERS: 'workers',
  HOST: 'host',
  DATABASE_URL: 'databaseUrl',
  DATABASE_STATEMENT_TIMEOUT: 'databaseStatementTimeout',
  DATABASE_CONNECT_TIMEOUT: 'databaseConnectTimeout',
  SITE_URL: 'siteUrl',
  SITE_NAME: 'siteName',
  TIME_ZONE: 'timeZone',
  HIJRI_OFFSET: 'hijriOffset',
  MEDIA_DIR: 'mediaDir',
  CACHE_DIR: 'cacheDir',
  PROKASH_DEMO: 'demo',
  PAGE_CACHE_TTL: 'pageCacheTtl',
  PAGE_CACHE_BYTES: 'pageCacheBytes',
  SEARCH_CACHE_BYTES: 'searchCacheBytes',
  LOG_LEVEL: 'logLevel',
  TRUST_PROXY: 'trustProxy',
  POPULAR_REFRESH: 'popularRefresh',
  API_CORS_ORIGINS: 'apiCorsOrigins',
  API_RATE_LIMIT: 'apiRateLimit',
  API_TOKEN_RATE_LIMIT: 'apiTokenRateLimit',
};

export class ConfigError extends Error {}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** A JSON config file; defaults to $PROKASH_CONFIG, then ./prokash.config.json when present; `false`: none. */
  file?: string | false;
  /** Values that win over everything (command-line flags). */
  overrides?: Partial<z.input<typeof configSchema>>;
}

/** Builds the configuration: defaults, then the file, then the environment, then overrides. Frozen. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const fromFile = options.file === false ? {} : readConfigFile(options.file ?? env.PROKASH_CONFIG);
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = key === 'demo' || key === 'trustProxy' ? parseBool(name, value) : value;
  }
  const parsed = configSchema.safeParse({ ...fromFile, ...fromEnv, ...options.overrides });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const siteUrl = (parsed.data.siteUrl ?? `http://localhost:${parsed.data.port}`).replace(/\/+$/, '');
  return Object.freeze({ ...parsed.data, siteUrl });
}

function readConfigFile(file: string | undefined): Record<string, unknown> {
  const path = resolve(file ?? 'prokash.config.json');
  if (!existsSync(path)) {
    if (file) throw new ConfigError(`Config file not found: ${path}`);
    return {};
  }
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`Config file ${path} is not a JSON object: ${(error as Error).message}`);
  }
}

function parseBool(name: string, value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}
