import { html, type SafeHtml } from '../../lib/html.ts';
import type { ImageVM } from '../view-model.ts';

export interface ImgOptions {
  /** The `sizes` attribute: how wide the image is shown at each viewport width. */
  sizes: string;
  /** Above-the-fold images load at once; every other image waits until it is near the viewport. */
  eager: boolean;
  className: string;
}

/** An <img> with srcset, sizes and intrinsic size when known, so the layout does not jump. */
export function renderImg(image: ImageVM, options: ImgOptions): SafeHtml {
  const srcset = image.srcset ? html` srcset="${image.srcset}" sizes="${options.sizes}"` : '';
  const size = image.width && image.height ? html` width="${image.width}" height="${image.height}"` : '';
  const loading = options.eager ? html` fetchpriority="high"` : html` loading="lazy"`;
  const img = html`<img class="${options.className}" src="${image.src}"${srcset}${size} alt="${image.alt}"${loading} decoding="async">`;
  // WebP first where the browser takes it; the <img> keeps the JPEG variants as the fallback.
  return image.webpSrcset ? html`<picture><source type="image/webp" srcset="${image.webpSrcset}" sizes="${options.sizes}">${img}</picture>` : img;
}
