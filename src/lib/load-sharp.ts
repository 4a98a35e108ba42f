import type SharpModule from 'sharp';

let loading: Promise<typeof SharpModule> | undefined;

/**
 * sharp (libvips), loaded on first use: about 30 MB of resident memory that a worker serving
 * readers never needs (it is wanted for uploads, imports, the demo's pictures and the feeds'
 * logo). Every module that draws or reads an image takes it from here, never by a static import.
 */
export function loadSharp(): Promise<typeof SharpModule> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}
