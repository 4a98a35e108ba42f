import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Emit } from '../events/content-writer.ts';

export const siteSettingsSchema = z
  .object({
    siteName: z.string().trim().min(1).max(80),
    hijriOffset: z.number().int().min(-2).max(2),
    timeZone: z.string().refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Dhaka'),
    /**
     * The publication's page on Google News (https://news.google.com/…), which the article
     * page's follow line links; empty when the site has none, and the line then offers RSS.
     */
    googleNewsUrl: z
      .string()
      .trim()
      .max(500)
      .refine((url) => url === '' || /^https:\/\/news\.google\.com\/[^\s]*$/.test(url), 'must be an https://news.google.com/ address, or empty')
      .default(''),
  })
  .strict();

export type SiteSettings = z.output<typeof siteSettingsSchema>;

/**
 * Settings the newsroom changes at run time (site name, Hijri offset, time zone, Google News page). Stored in the
 * database over the configured defaults; read on every page render from a copy refreshed when a
 * `settings` change event arrives, so all processes agree within a second.
 */
export class SettingsService {
  private current: SiteSettings;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly defaults: SiteSettings,
  ) {
    this.current = defaults;
  }

  get(): SiteSettings {
    return this.current;
  }

  async load(): Promise<SiteSettings> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', 'site').executeTakeFirst();
    const stored = row ? siteSettingsSchema.partial().safeParse(JSON.parse(row.value)) : undefined;
    this.current = { ...this.defaults, ...(stored?.success ? stored.data : {}) };
    return this.current;
  }

  /** Stores new settings inside the caller's write; every process reloads them on the event. */
  async save(trx: Kysely<Database>, emit: Emit, next: SiteSettings): Promise<SiteSettings> {
    const value = JSON.stringify(next);
    const updated_at = this.clock.now().toISOString();
    await trx
      .insertInto('settings')
      .values({ key: 'site', value, updated_at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at }))
      .execute();
    const keys = (Object.keys(next) as Array<keyof SiteSettings>).filter((k) => next[k] !== this.current[k]);
    emit({ type: 'settings.changed', payload: { keys } });
    return next;
  }
}
