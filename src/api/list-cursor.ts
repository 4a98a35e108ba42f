import { z } from 'zod';

/**
 * The content API's keyset cursors: opaque to callers (base64url of the list's key), and each
 * names the list it came from, so a tags cursor given to the articles list is refused.
 */
export type ListCursor = { list: 'articles'; publishedAt: string; id: number } | { list: 'tags'; id: number } | { list: 'people'; id: number };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function encodeCursor(cursor: ListCursor): string {
  const text = cursor.list === 'articles' ? `articles_${cursor.publishedAt}_${cursor.id}` : `${cursor.list}_${cursor.id}`;
  return Buffer.from(text).toString('base64url');
}

/** The cursor, when `text` is one this list gave; undefined otherwise. */
export function decodeCursor(text: string, list: ListCursor['list']): ListCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(text)) return undefined;
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('_');
  const id = Number(parts.at(-1));
  if (parts[0] !== list || !Number.isSafeInteger(id) || id < 0 || id > 2_147_483_647) return undefined;
  if (list !== 'articles') return parts.length === 2 ? { list, id } : undefined;
  const publishedAt = parts[1] ?? '';
  if (parts.length !== 3 || !ISO.test(publishedAt) || Number.isNaN(Date.parse(publishedAt))) return undefined;
  return { list, publishedAt, id };
}

/** The `cursor` query parameter of a list: 400 INVALID_INPUT when it is not one the list gave. */
export const cursorParam = <L extends ListCursor['list']>(list: L) =>
  z
    .string()
    .max(200)
    .transform(
      (text, ctx) =>
        (decodeCursor(text, list) as Extract<ListCursor, { list: L }> | undefined) ??
        (ctx.addIssue({ code: 'custom', message: 'not a cursor this list gave (nextCursor)' }), z.NEVER),
    )
    .meta({ description: 'The `nextCursor` of the previous page (opaque)' });
