import type { EventDispatcher } from '../content/events/event-dispatcher.ts';
import type { SiteJobs } from '../content/jobs/site-jobs.ts';
import type { RouteMap } from '../cache/route-map.ts';
import type { PageCache } from '../cache/page-cache.ts';
import { adminEndpoint } from './newsroom-endpoint.ts';
import { healthAnswer } from './answers.ts';

/**
 * GET /api/admin/health: how this process stands — each event subscriber's position and any
 * failure being retried, whether it holds the site's jobs, the page cache, the search pages
 * cache and the route map.
 * Each process answers for itself (a load balancer picks one).
 */
export function healthEndpoints(deps: { events: EventDispatcher; jobs: SiteJobs; routes: RouteMap; cache: PageCache; searchCache: PageCache }) {
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/health',
      summary: "This process's event subscribers, site jobs, page cache, search pages cache, route map and memory",
      access: { can: 'audit.read' },
      response: healthAnswer,
      handle: async ({ reply }) => {
        const subscribers = deps.events.status();
        reply.header('cache-control', 'no-store');
        return {
          pid: process.pid,
          ok: subscribers.every((s) => !s.failing),
          subscribers,
          jobs: { held: deps.jobs.held },
          pageCache: deps.cache.getStats(),
          searchCache: deps.searchCache.getStats(),
          routeMap: { articles: deps.routes.size },
          memory: memory(),
        };
      },
    }),
  ];
}

/** The process's memory in bytes: resident, the JS heap, and what Buffers hold outside it. */
function memory() {
  const m = process.memoryUsage();
  return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, heapTotalBytes: m.heapTotal, externalBytes: m.external, arrayBuffersBytes: m.arrayBuffers };
}
