import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A file served from memory, with its brotli and gzip forms made once. */
export interface StaticAsset {
  body: Buffer;
  type: string;
  /** sha-256 of the body, hex. */
  hash: string;
  etag: string;
  br: Buffer | null;
  gzip: Buffer | null;
}

// Already compressed (fonts, images): compressing again only costs time.
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;
const MIN_COMPRESS = 1024; // bytes

/** Makes an asset; text types get their brotli (highest quality: made once) and gzip forms. */
export function staticAsset(body: Buffer, type: string): StaticAsset {
  const hash = createHash('sha256').update(body).digest('hex');
  const compress = COMPRESSIBLE.test(type) && body.length >= MIN_COMPRESS;
  return {
    body,
    type,
    hash,
    etag: `"${hash.slice(0, 16)}"`,
    br: compress ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : null,
    gzip: compress ? gzipSync(body, { level: 9 }) : null,
  };
}

/** Sends an asset: 304 on its ETag, else brotli or gzip when the client takes them. */
export function sendStaticAsset(request: FastifyRequest, reply: FastifyReply, asset: StaticAsset, cacheControl: string): FastifyReply {
  reply.header('cache-control', cacheControl).header('etag', asset.etag);
  if (asset.br || asset.gzip) reply.header('vary', 'Accept-Encoding');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === asset.etag)) return reply.code(304).send();
  const accept = request.headers['accept-encoding'] ?? '';
  reply.type(asset.type);
  if (asset.br && /\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(asset.br);
  if (asset.gzip && /\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.body);
}
