import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS, type ErrorCode } from '../lib/errors.ts';
import type { ReaderPages } from './reader-pages.ts';

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
export function registerErrorHandlers(app: FastifyInstance, pages: ReaderPages): void {
  app.setNotFoundHandler(async (request, reply) => respondWithError(request, reply, pages, new AppError('NOT_FOUND', 'not found')));

  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode >= 500) request.log.error({ err: error }, 'application error');
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter) reply.header('retry-after', String(retryAfter));
      return respondWithError(request, reply, pages, error);
    }
    if (isDatabaseBusy(error)) {
      // Another process held the write lock past the busy timeout: nothing was written, try again.
      request.log.warn({ err: error }, 'database busy');
      reply.header('retry-after', '2');
      return respondWithError(request, reply, pages, new AppError('BUSY', 'the database is busy; try again in a moment'));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return respondWithError(request, reply, pages, new AppError(frameworkCode(status), error.message));
    request.log.error({ err: error }, 'unhandled error');
    return respondWithError(request, reply, pages, new AppError('INTERNAL', 'internal error'));
  });
}

/** The catalogue's code for what Fastify itself refused (a body too large, a content type it cannot parse, …). */
function frameworkCode(status: number): ErrorCode {
  if (status === 413) return 'TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA';
  if (status === 404) return 'NOT_FOUND';
  return 'BAD_REQUEST';
}

/** SQLite's lock held too long by another process; PostgreSQL's lock or statement timeout. */
function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === '55P03' || code === '57014';
}

/** Sends the error as a Bengali page, or as JSON under /api/ (`message` the specifics, `messageBn` the catalogue's sentence). */
export async function respondWithError(request: FastifyRequest, reply: FastifyReply, pages: ReaderPages, error: AppError) {
  const { code, statusCode: status, details } = error;
  reply.code(status).header('cache-control', 'no-store');
  if (request.url.startsWith('/api/')) {
    if (status >= 500 && code !== 'BUSY') return reply.send({ error: { code, message: 'internal error', messageBn: ERRORS.INTERNAL.bn } });
    return reply.send({ error: { code, message: error.message, messageBn: ERRORS[code].bn, ...(details === undefined ? {} : { details }) } });
  }
  const text = status === 404 ? NOT_FOUND : status >= 500 ? SERVER_ERROR : { title: BAD_REQUEST_TITLE, message: bengaliOr(error.message, ERRORS[code].bn) };
  const html = await pages.error(status, text.title, text.message);
  return reply.type('text/html; charset=utf-8').send(html);
}

/** Messages written for readers are Bengali; otherwise the catalogue's Bengali sentence for the code. */
function bengaliOr(message: string, fallback: string): string {
  return /[\u0980-\u09FF]/.test(message) ? message : fallback;
}
