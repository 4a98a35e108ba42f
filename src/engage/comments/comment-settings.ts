import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';

export const commentSettingsSchema = z
  .object({
    /** Pre-moderation (the default in Bangladeshi newsrooms) holds every comment for a moderator. */
    mode: z.enum(['pre', 'post']),
    blockedWords: z.array(z.string().trim().min(1).max(60)).max(2000),
  })
  .strict();

export type CommentSettings = z.output<typeof commentSettingsSchema>;

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = {
  mode: 'pre',
  // A starting list; each newsroom edits its own in the newsroom app.
  blockedWords: ['শালা', 'কুত্তা', 'হারামজাদা', 'জারজ', 'fuck', 'bitch', 'bastard', 'idiot', 'casino', 'viagra'],
};

export async function loadCommentSettings(db: Kysely<Database>): Promise<CommentSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'comments').executeTakeFirst();
  const parsed = row ? commentSettingsSchema.safeParse(JSON.parse(row.value)) : undefined;
  return parsed?.success ? parsed.data : DEFAULT_COMMENT_SETTINGS;
}

export async function saveCommentSettings(db: Kysely<Database>, settings: CommentSettings, now: string): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('settings')
    .values({ key: 'comments', value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
