import { escapeHtml } from '../lib/html.ts';
import { zonedParts, zoneOffsetMs } from '../bangla/zoned-date.ts';

/** Escapes text for XML element content and quoted attributes (the five predefined entities). */
export const xmlText = escapeHtml;

// Characters XML 1.0 forbids anywhere, even escaped; a stray one makes the whole feed unreadable.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drops characters XML 1.0 cannot carry at all (control bytes, lone surrogates). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Text as one or more CDATA sections: "]]>" is split across two sections so it cannot end one early. */
export function cdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** RFC 822 date in the site's zone, as RSS wants it: "Wed, 13 Sep 2023 16:57:00 +0600". */
export function formatRfc822(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const offset = zoneOffsetMs(instant, timeZone) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad2(Math.floor(Math.abs(offset) / 60))}${pad2(Math.abs(offset) % 60)}`;
  return `${DAYS[p.weekday]}, ${pad2(p.day)} ${MONTHS[p.month - 1]} ${p.year} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)} ${zone}`;
}

/** MIME type of a served image by its file extension (media names end in a known one). */
export function imageTypeOf(path: string): string {
  const ext = path.split('.').pop()?.toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png' || ext === 'webp' || ext === 'gif' || ext === 'avif') return `image/${ext}`;
  return 'application/octet-stream';
}
