/** The longest URL an endpoint may have (characters). */
export const MAX_WEBHOOK_URL = 2000;

/**
 * Why a URL cannot be a webhook endpoint, in English (undefined when it can): it must be an
 * absolute http or https URL without a user name or password (a secret in a URL ends up in logs;
 * the signature is how a receiver knows us). Local addresses are allowed: an admin may run the
 * receiver beside the site (tests do).
 */
export function webhookUrlProblem(value: string): string | undefined {
  if (value.length > MAX_WEBHOOK_URL) return `the URL is longer than ${MAX_WEBHOOK_URL} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs can receive webhooks';
  if (url.username || url.password) return 'the URL must not carry a user name or password';
  if (!url.hostname) return 'the URL has no host';
  return undefined;
}
