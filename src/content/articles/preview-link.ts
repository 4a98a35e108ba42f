import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a preview link opens the article: two days (ms). */
export const PREVIEW_LINK_TTL_MS = 48 * 3600_000;

/** A signed preview link's parts: where it leads and until when. */
export interface PreviewLink {
  /** `/preview/{id}?t={token}`, on the reader site. */
  path: string;
  token: string;
  expiresAt: Date;
}

/** What a token says about itself once checked: good, forged (or mangled), or out of date. */
export type PreviewTokenCheck = { ok: true; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired'; expiresAt?: Date };

/**
 * Signs and checks the links that open an unpublished article for someone without a newsroom
 * account. The token is `{expiry in Unix seconds}.{HMAC-SHA256 of "preview:{id}:{expiry}"}`
 * under the site's preview secret (a random value kept in the settings table: see
 * docs/admin-api.md, "Preview links"), so a link names one article until one moment and cannot be
 * bent to another article or a later time without the secret.
 */
export class PreviewLinks {
  constructor(
    private readonly secret: string,
    private readonly ttlMs: number = PREVIEW_LINK_TTL_MS,
  ) {}

  /** A new link to article `id`, good for the link's lifetime from `now`. */
  make(id: number, now: Date): PreviewLink {
    const expires = Math.floor((now.getTime() + this.ttlMs) / 1000);
    const token = `${expires}.${this.sign(id, expires)}`;
    return { path: `/preview/${id}?t=${token}`, token, expiresAt: new Date(expires * 1000) };
  }

  /** Whether `token` opens article `id` at `now`. The signature is checked before the time. */
  check(id: number, token: unknown, now: Date): PreviewTokenCheck {
    if (typeof token !== 'string') return { ok: false, reason: 'invalid' };
    const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return { ok: false, reason: 'invalid' };
    const expires = Number(match[1]);
    // Compared as text: decoding would forgive changes in the last character's unused bits.
    const given = Buffer.from(match[2]!);
    const wanted = Buffer.from(this.sign(id, expires));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'invalid' };
    const expiresAt = new Date(expires * 1000);
    if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired', expiresAt };
    return { ok: true, expiresAt };
  }

  private sign(id: number, expires: number): string {
    return createHmac('sha256', this.secret).update(`preview:${id}:${expires}`).digest('base64url');
  }
}
