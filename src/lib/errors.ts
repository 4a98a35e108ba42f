/**
 * Application errors: each has a stable code, an HTTP status, and a message a person can read.
 * The codes are listed in docs/errors.md. A 5xx never carries internals to the client.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', 404, `${what} not found`);
export const badRequest = (message: string, details?: unknown) =>
  new AppError('BAD_REQUEST', 400, message, details);
export const invalidInput = (message: string, details?: unknown) =>
  new AppError('INVALID_INPUT', 422, message, details);
