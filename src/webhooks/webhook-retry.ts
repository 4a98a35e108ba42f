/** How long deliveries are retried, from the first try (ms). */
export const RETRY_FOR_MS = 24 * 3600_000;
/** The first wait after a failure (ms); each later one doubles. */
export const FIRST_RETRY_MS = 30_000;
/** The longest wait between two tries (ms). */
export const MAX_RETRY_MS = 3600_000;

/**
 * When to try again after `attempts` failed tries (the first try at `firstAt`), or undefined when
 * the 24 hours are over: about 30 s, 1 min, 2 min, … up to 1 h apart, each wait moved by up to
 * ±20 % (`random` in [0, 1)) so endpoints that failed together do not all come back together.
 * The last try is at 24 hours from the first.
 */
export function nextAttemptAt(firstAt: number, now: number, attempts: number, random: number): number | undefined {
  const end = firstAt + RETRY_FOR_MS;
  if (now >= end) return undefined;
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempts - 1, 20));
  const wait = Math.min(MAX_RETRY_MS, Math.round(base * (0.8 + 0.4 * random)));
  return Math.min(end, now + wait);
}
