import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import type { ReaderPages } from './reader-pages.ts';

const NOT_FOUND = {
  title: 'পাতাটি পাওয়া যায়নি',
  message: 'আপনি যে পাতাটি খুঁজছেন, সেটি সরিয়ে নেওয়া হয়েছে অথবা ঠিকানাটি ভুল।',
};
const SERVER_ERROR = {
  title: 'দুঃখিত, একটি সমস্যা হয়েছে',
  message: 'পাতাটি এই মুহূর্তে দেখানো যাচ্ছে না। কিছুক্ষণ পর আবার চেষ্টা করুন।',
};

/** Bengali error pages for readers, JSON with a stable code for APIs; a 5xx never shows internals. */
export function registerErrorHandlers(app: FastifyInstance, pages: ReaderPages): void {
  app.setNotFoundHandler(async (request, reply) => respondWithError(request, reply, pages, 404, 'NOT_FOUND', 'not found'));

  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode >= 500) request.log.error({ err: error }, 'application error');
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter) reply.header('retry-after', String(retryAfter));
      return respondWithError(request, reply, pages, error.statusCode, error.code, error.message, error.details);
    }
    if (isDatabaseBusy(error)) {
      // Another process held the write lock past the busy timeout: nothing was written, try again.
      request.log.warn({ err: error }, 'database busy');
      reply.header('retry-after', '2');
      return respondWithError(request, reply, pages, 503, 'BUSY', 'the database is busy; try again in a moment');
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = error.validation ? 'INVALID_INPUT' : (error.code ?? 'BAD_REQUEST');
      return respondWithError(request, reply, pages, status, code, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return respondWithError(request, reply, pages, 500, 'INTERNAL', 'internal error');
  });
}

/** SQLite's lock held too long by another process; PostgreSQL's lock or statement timeout. */
function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === '55P03' || code === '57014';
}

/** Sends the error as a Bengali page, or as JSON under /api/. */
export async function respondWithError(
  request: FastifyRequest,
  reply: FastifyReply,
  pages: ReaderPages,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  reply.code(status).header('cache-control', 'no-store');
  if (request.url.startsWith('/api/')) {
    if (status >= 500 && code !== 'BUSY') return reply.send({ error: { code, message: 'internal error' } });
    return reply.send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
  }
  const text = status === 404 ? NOT_FOUND : status >= 500 ? SERVER_ERROR : { title: 'অনুরোধটি বোঝা যায়নি', message: bengaliOr(message) };
  const html = await pages.error(status, text.title, text.message);
  return reply.type('text/html; charset=utf-8').send(html);
}

/** Messages written for readers are Bengali; anything else gets a general Bengali line. */
function bengaliOr(message: string): string {
  return /[\u0980-\u09FF]/.test(message) ? message : 'ঠিকানা বা তথ্যে ভুল আছে। আবার দেখে চেষ্টা করুন।';
}
