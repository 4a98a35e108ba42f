import { loadSharp } from '../lib/load-sharp.ts';

/** Where the publisher logo is served; JSON-LD, Open Graph and the feeds name it. */
export const PUBLISHER_LOGO_PATH = '/publisher-logo.png';
/** Square, and larger than the 112 × 112 px Google asks of an organisation's logo. */
export const PUBLISHER_LOGO_SIZE = 512;

// A plain mark in the site's accent red: a folded newspaper drawn in white. It has no text, so
// it needs no font and suits any site name until settings can name a portal's own logo.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
<rect width="512" height="512" rx="96" fill="#c3161c"/>
<rect x="112" y="128" width="288" height="256" rx="20" fill="#fff"/>
<rect x="144" y="164" width="224" height="40" rx="8" fill="#c3161c"/>
<rect x="144" y="228" width="100" height="124" rx="8" fill="#c3161c" opacity="0.75"/>
<rect x="264" y="228" width="104" height="16" rx="6" fill="#17191d"/>
<rect x="264" y="260" width="104" height="16" rx="6" fill="#17191d"/>
<rect x="264" y="292" width="104" height="16" rx="6" fill="#17191d"/>
<rect x="264" y="324" width="72" height="16" rx="6" fill="#17191d"/>
</svg>`;

let png: Promise<Buffer> | undefined;

/** The logo as PNG bytes, drawn once per process. */
export function publisherLogoPng(): Promise<Buffer> {
  png ??= loadSharp().then((sharp) => sharp(Buffer.from(SVG)).png({ compressionLevel: 9 }).toBuffer());
  return png;
}
