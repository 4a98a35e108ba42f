import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS, type ErrorCode } from '../lib/errors.ts';
import { databaseTrouble } from '../db/database-errors.ts';
import type { ReaderPages } from './reader-pages.ts';
import type { PageCache } from '../cache/page-cache.ts';
import { sendCompressedHtml, sendPage } from '../cache/send-page.ts';

// A reader's page says more than an API caller's sentence: what happened to the page.
const NOT_FOUND = {
  title: 'পাতাটি পাওয়া যায়নি',
  message: 'আপনি যে পাতাটি খুঁজছেন, সেটি সরিয়ে নেওয়া হয়েছে অথবা ঠিকানাটি ভুল।',
};
const SERVER_ERROR = {
  title: 'দুঃখিত, একটি সমস্যা হয়েছে',
  message: 'পাতাটি এই মুহূর্তে দেখানো যাচ্ছে না। কিছুক্ষণ পর আবার চেষ্টা করুন।',
};
const BAD_REQUEST_TITLE = 'অনুরোধটি বোঝা যায়নি';

/** Bengali error pages for readers, JSON with a stable code for APIs; a 5xx never shows internals. */
export function registerErrorHandlers(app: FastifyInstance, pages: ReaderPages, cache?: PageCache): void {
  if (cache) errorPageCaches.set(pages, cache);
  app.setNotFoundHandler(async (request, reply) => respondWithError(request, reply, pages, new AppError('NOT_FOUND', 'not found')));

  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode >= 500) request.log.error({ err: error }, 'application error');
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter) reply.header('retry-after', String(retryAfter));
      return respondWithError(request, reply, pages, error);
    }
    const trouble = databaseTrouble(error);
    if (trouble === 'busy') {
      // A lock held past the busy or statement timeout: the transaction was rolled back, try again.
      request.log.warn({ err: error }, 'database busy');
      reply.header('retry-after', '2');
      return respondWithError(request, reply, pages, new AppError('BUSY', 'the database is busy; try again in a moment'));
    }
    if (trouble === 'unavailable') {
      // The connection was lost or none came in time; the pool reconnects by itself.
      request.log.error({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return respondWithError(request, reply, pages, new AppError('DATABASE_UNAVAILABLE', 'the database cannot be reached; try again in a moment'));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return respondWithError(request, reply, pages, new AppError(frameworkCode(error.code, status), frameworkMessage(error)));
    request.log.error({ err: error }, 'unhandled error');
    return respondWithError(request, reply, pages, new AppError('INTERNAL', 'internal error'));
  });
}

// What Fastify and its plugins refuse, by their codes; anything else by its status (frameworkCode).
const FRAMEWORK_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_CONTENT_TYPE',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  // Uploads: the image limits.
  FST_REQ_FILE_TOO_LARGE: 'TOO_LARGE',
  FST_FILES_LIMIT: 'TOO_LARGE',
  FST_PARTS_LIMIT: 'TOO_LARGE',
  FST_FIELDS_LIMIT: 'TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA',
};
// Our own words for them: Fastify's name the framework (`content-type is set to …`).
const FRAMEWORK_MESSAGES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the body is empty, yet content-type says JSON: send a JSON body, or no content-type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'the body is not valid JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'the body is larger than this endpoint accepts',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'this endpoint does not take a body of that content-type',
};

/**
 * A query string whose percent-escapes are not UTF-8 (`?q=%ff`) is refused as the path's are, with
 * a 400, instead of searching for replacement characters. A lone `%` (`?q=100%`) is taken as itself.
 */
export function refuseUndecodableQueries(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const url = request.raw.url ?? '';
    const query = url.indexOf('?');
    if (query < 0 || !url.includes('%', query)) return;
    try {
      decodeURIComponent(url.slice(query + 1).replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
    } catch {
      throw new AppError('BAD_REQUEST', 'the query string is not valid UTF-8 once percent-decoded');
    }
  });
}

/** The catalogue's code for what Fastify itself refused (a body too large, a content type it cannot parse, …). */
function frameworkCode(code: string | undefined, status: number): ErrorCode {
  const known = code === undefined ? undefined : FRAMEWORK_CODES[code];
  if (known) return known;
  if (status === 413) return 'BODY_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_CONTENT_TYPE';
  if (status === 404) return 'NOT_FOUND';
  return 'BAD_REQUEST';
}

function frameworkMessage(error: FastifyError): string {
  return (error.code && FRAMEWORK_MESSAGES[error.code]) ?? (error instanceof SyntaxError ? 'the body is not valid JSON' : error.message);
}

// 5xx codes whose answer says what happened (nothing internal in it): the caller can act on them.
const TOLD_5XX: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['BUSY', 'DATABASE_UNAVAILABLE', 'MEDIA_UNWRITABLE']);

/** Sends the error as a Bengali page, or as JSON under /api/ (`message` the specifics, `messageBn` the catalogue's sentence). */
export async function respondWithError(request: FastifyRequest, reply: FastifyReply, pages: ReaderPages, error: AppError) {
  const { code, statusCode: status, details } = error;
  reply.code(status).header('cache-control', 'no-store');
  if (request.url.startsWith('/api/')) {
    if (status >= 500 && !TOLD_5XX.has(code)) return reply.send({ error: { code, message: 'internal error', messageBn: ERRORS.INTERNAL.bn } });
    return reply.send({ error: { code, message: error.message, messageBn: ERRORS[code].bn, ...(details === undefined ? {} : { details }) } });
  }
  const text = status === 404 ? NOT_FOUND : status >= 500 ? SERVER_ERROR : { title: BAD_REQUEST_TITLE, message: bengaliOr(error.message, ERRORS[code].bn) };
  const cache = errorPageCaches.get(pages);
  if (cache && (status === 404 || status >= 500)) {
    // The same few words every time: made and compressed once, then served from the page cache.
    // The current ticker is spliced in as on every page; when none is built yet, the page's own.
    const render = async () => ({ status, contentType: HTML, body: await pages.error(status, text.title, text.message), tags: ['error'], cache: true });
    const page = await cache.getOrRender(`!error:${status}`, render, pages.fragments.current() ?? {}).catch(() => undefined); // a failing cache is a miss
    if (page) return sendPage(request, reply, page, cache);
  }
  return sendCompressedHtml(request, reply, await pages.error(status, text.title, text.message));
}

const HTML = 'text/html; charset=utf-8';
// The page cache each app's reader error pages are held in (registerErrorHandlers), by its pages:
// respondWithError is also called from outside the handlers (Fastify's frameworkErrors).
const errorPageCaches = new WeakMap<ReaderPages, PageCache>();

/** Messages written for readers are Bengali; otherwise the catalogue's Bengali sentence for the code. */
function bengaliOr(message: string, fallback: string): string {
  return /[\u0980-\u09FF]/.test(message) ? message : fallback;
}
