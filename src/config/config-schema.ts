import { z } from 'zod';

/** The whole configuration, with defaults. Units are in the comments. */
export const configSchema = z
  .object({
    /** TCP port of the HTTP server. */
    port: z.coerce.number().int().min(0).max(65535).default(3000),
    /**
     * Server processes on this machine (node:cluster): a number, or "auto" for one per CPU core.
     * With more than one, a primary process starts them, replaces any that dies and relays
     * content events between them.
     */
    workers: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
    /** Interface to listen on; "localhost" listens on both IPv4 and IPv6 loopback. */
    host: z.string().min(1).default('localhost'),
    /** `sqlite:<path>` or `postgres://…`. */
    databaseUrl: z
      .string()
      .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
      .default('sqlite:./data/prokash.db'),
    /** Public origin used in canonical links and feeds; defaults to http://localhost:{port}. */
    siteUrl: z.url().optional(),
    /** The site's name as readers see it. */
    siteName: z.string().min(1).max(80).default('প্রকাশ'),
    /** IANA time zone for every date shown to readers; storage is always UTC. */
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Dhaka').default('Asia/Dhaka'),
    /** Days added to the Umm al-Qura Hijri date (Bangladesh sights the moon locally). */
    hijriOffset: z.coerce.number().int().min(-2).max(2).default(0),
    /** Where uploaded and imported images are stored. */
    mediaDir: z.string().min(1).default('./data/media'),
    /**
     * Files made from the content and kept between requests (today the compressed month
     * sitemaps); safe to delete at any time. Defaults to a `cache` folder beside mediaDir.
     */
    cacheDir: z.string().min(1).optional(),
    /** Seed demo content into an empty database on start. */
    demo: z.boolean().default(true),
    /** Page cache: time a page may be served from memory before it is rebuilt (seconds). */
    pageCacheTtl: z.coerce.number().int().min(0).max(3600).default(60),
    /** Page cache size limit (bytes, all variants counted). */
    pageCacheBytes: z.coerce
      .number()
      .int()
      .min(0)
      .default(64 * 1024 * 1024),
    /**
     * Search pages cache size limit (bytes): repeated searches (a breaking story's name) are
     * answered from memory until the search index moves on. Separate from the page cache, so
     * one-off queries never push article pages out. 0: every search is run.
     */
    searchCacheBytes: z.coerce
      .number()
      .int()
      .min(0)
      .default(8 * 1024 * 1024),
    /**
     * Trust X-Forwarded-For / -Proto from a proxy or CDN in front. Off by default: a site facing
     * readers directly would otherwise let anyone pick the address its rate limits see.
     */
    trustProxy: z.boolean().default(false),
    /** How often the জনপ্রিয় lists are recomputed from counted views (seconds). */
    popularRefresh: z.coerce.number().int().min(1).max(60).default(60),
    /**
     * PostgreSQL, while serving: a statement running longer is cancelled and its request answered
     * 503 BUSY (a write waiting on a lock counts); a server that does not answer within this and
     * 2 s more loses the connection and the request answers 503 DATABASE_UNAVAILABLE
     * (milliseconds; 0: no limit). Commands (import, reindex, migrations) run without it.
     */
    databaseStatementTimeout: z.coerce.number().int().min(0).max(600_000).default(5000),
    /** PostgreSQL, while serving: the longest wait for a connection, new or free in the pool (milliseconds; 0: no limit). */
    databaseConnectTimeout: z.coerce.number().int().min(0).max(600_000).default(5000),
    /**
     * Origins a browser may read the content API (/api/v1) and /api/docs from (CORS): `*` for any
     * (the default: the content is public), or a list of origins such as `https://app.example.com`
     * (in the environment: comma-separated). The newsroom API is never open to other origins.
     */
    apiCorsOrigins: z
      .union([
        z.array(z.string()),
        z.string().transform((text) =>
          text
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(z.string().regex(/^(\*|https?:\/\/[^/\s]+)$/, 'must be * or an origin such as https://app.example.com (no path)')).max(100))
      .default(['*']),
    /** Content API requests an address may make without a token, per minute and per server process (0: no limit). */
    apiRateLimit: z.coerce.number().int().min(0).max(1_000_000).default(300),
    /** Content API requests a partner's API token may make, per minute and per server process (0: no limit). */
    apiTokenRateLimit: z.coerce.number().int().min(0).max(1_000_000).default(3000),
    /** Log level for the server's structured logs. */
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict();

export type Config = Readonly<z.infer<typeof configSchema>> & { readonly siteUrl: string };

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
