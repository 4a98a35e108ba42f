import { html, type SafeHtml } from '../../lib/html.ts';
import type { ImageVM } from '../view-model.ts';

/**
 * How an image loads: `priority` is the page's largest picture on the first screen (the article's
 * lead photo, the home page's lead story), fetched first; `eager` is another picture on the first
 * screen; `lazy` waits until it is near the viewport.
 */
export type ImgLoad = 'priority' | 'eager' | 'lazy';

export interface ImgOptions {
  /** The `sizes` attribute: how wide the image is shown at each viewport width (site.css's layout). */
  sizes: string;
  load: ImgLoad;
  className: string;
}

const LOAD: Record<ImgLoad, SafeHtml> = {
  // Not decoding="async" on the priority image: its paint is the page's LCP and should not wait a frame.
  priority: html` fetchpriority="high"`,
  eager: html` decoding="async"`,
  lazy: html` loading="lazy" decoding="async"`,
};

/**
 * A <picture>: AVIF, then WebP, each as <source type srcset sizes>, and an <img> with the JPEG
 * variants as the fallback. A format with no variants (an image stored before AVIF variants were
 * made) gets no <source>, so no browser asks for a file that does not exist. width and height
 * give the box its shape before the picture arrives, so the layout does not jump.
 */
export function renderImg(image: ImageVM, options: ImgOptions): SafeHtml {
  const srcset = image.srcset ? html` srcset="${image.srcset}" sizes="${options.sizes}"` : '';
  const size = image.width && image.height ? html` width="${image.width}" height="${image.height}"` : '';
  const img = html`<img class="${options.className}" src="${image.src}"${srcset}${size} alt="${image.alt}"${LOAD[options.load]}>`;
  const sources = [
    image.avifSrcset ? html`<source type="image/avif" srcset="${image.avifSrcset}" sizes="${options.sizes}">` : '',
    image.webpSrcset ? html`<source type="image/webp" srcset="${image.webpSrcset}" sizes="${options.sizes}">` : '',
  ];
  return image.avifSrcset || image.webpSrcset ? html`<picture>${sources}${img}</picture>` : img;
}
