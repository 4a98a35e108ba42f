/** How a request fared against its caller's limit. */
export interface Taken {
  allowed: boolean;
  /** Requests left in this window. */
  remaining: number;
  /** Seconds until the window starts again (at least 1). */
  resetSeconds: number;
}

// Callers counted in one window before further new ones share one count: a flood of addresses
// costs bounded memory, and those callers are limited together.
const MAX_CALLERS = 100_000;

/**
 * Fixed-window request counts per caller, in memory: every window starts with a fresh map, so
 * memory holds only the callers of the current window. Each server process counts its own
 * requests (with `--workers N` a caller may make up to N times the limit).
 */
export class RateLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private counts = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Counts one request of `key` at `nowMs` against `limit` a window. */
  take(key: string, limit: number, nowMs: number): Taken {
    const start = nowMs - (nowMs % this.windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.counts = new Map();
    }
    const counted = this.counts.has(key) || this.counts.size < MAX_CALLERS ? key : '(overflow)';
    const count = (this.counts.get(counted) ?? 0) + 1;
    this.counts.set(counted, count);
    const resetSeconds = Math.max(1, Math.ceil((start + this.windowMs - nowMs) / 1000));
    return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetSeconds };
  }
}
