import type { App } from '../../src/app.ts';

// Every call's readers are new ones: a reader counts once per article per half hour.
let readerCount = 0;

/**
 * Readers read these articles (`readers` different readers each, through the view beacon) and the
 * site ranks them, as its timers would: the জনপ্রিয় lists and the tab follow.
 */
export async function readArticles(app: App, ids: readonly number[], readers = 3): Promise<void> {
  for (const id of ids) {
    for (let r = 0; r < readers; r++) {
      const n = ++readerCount;
      const res = await app.server.inject({
        method: 'POST',
        url: `/api/v1/articles/${id}/views`,
        headers: { 'user-agent': `Mozilla/5.0 (Linux; Android 14; Reader-${n}) Chrome/121 Mobile Safari/537.36`, 'x-forwarded-for': `198.51.100.${n % 250}` },
      });
      if (res.statusCode !== 204) throw new Error(`the view beacon answered ${res.statusCode}`);
    }
  }
  await app.views.flush();
  await app.popular.recompute();
}
