import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A file served from memory, with its brotli and gzip forms made once. */
export interface StaticAsset {
  body: Buffer;
  type: string;
  /** sha-256 of the body, hex. */
  hash: string;
  etag: string;
  /** Worth compressing: its brotli and gzip forms are being made, or are made. */
  compressible: boolean;
  /** Null until made (see `ready`), and for what is not worth compressing. */
  br: Buffer | null;
  gzip: Buffer | null;
  /** Settles once br and gzip are made (or could not be: the body is then sent as it is). */
  ready: Promise<void>;
}

// Already compressed (fonts, images): compressing again only costs time.
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;
const MIN_COMPRESS = 1024; // bytes

// Assets whose compressed forms are still being made, for `staticAssetsMade`.
const making = new Set<Promise<void>>();

/**
 * Makes an asset; text types get their brotli (highest quality: made once) and gzip forms, made
 * on the thread pool rather than the main thread: brotli at quality 11 takes the better part of a
 * second for the API document, which a server start (or a replaced worker) would otherwise wait
 * for with nothing else running. Until they are made the asset is sent uncompressed.
 */
export function staticAsset(body: Buffer, type: string): StaticAsset {
  const hash = createHash('sha256').update(body).digest('hex');
  const compressible = COMPRESSIBLE.test(type) && body.length >= MIN_COMPRESS;
  const asset: StaticAsset = { body, type, hash, etag: `"${hash.slice(0, 16)}"`, compressible, br: null, gzip: null, ready: Promise.resolve() };
  if (compressible) {
    const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
    const ready = Promise.all([
      brotliAsync(body, { params }).then((bytes) => void (asset.br = bytes)),
      gzipAsync(body, { level: 9 }).then((bytes) => void (asset.gzip = bytes)),
    ]).then(
      () => undefined,
      () => undefined, // zlib out of memory: the asset is sent uncompressed
    );
    making.add(ready);
    void ready.then(() => making.delete(ready));
    asset.ready = ready;
  }
  return asset;
}

/** Settles once every asset made so far has its compressed forms (a server starts serving after it). */
export async function staticAssetsMade(): Promise<void> {
  await Promise.all([...making]);
}

/** Sends an asset: 304 on its ETag, else brotli or gzip when the client takes them. */
export function sendStaticAsset(request: FastifyRequest, reply: FastifyReply, asset: StaticAsset, cacheControl: string): FastifyReply {
  reply.header('cache-control', cacheControl).header('etag', asset.etag);
  if (asset.compressible) reply.header('vary', 'Accept-Encoding');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === asset.etag)) return reply.code(304).send();
  const accept = request.headers['accept-encoding'] ?? '';
  reply.type(asset.type);
  if (asset.br && /\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(asset.br);
  if (asset.gzip && /\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.body);
}
