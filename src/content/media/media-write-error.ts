import { AppError } from '../../lib/errors.ts';

// What the file system answers when the media folder cannot take a file: full (ENOSPC, EDQUOT),
// read-only (EROFS), no permission (EACCES, EPERM), or a file or folder standing where the other
// must go (ENOTDIR, EISDIR, EEXIST). Each is the operator's to fix, not the uploader's.
const UNWRITABLE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ELOOP', 'EFBIG']);

/** MEDIA_UNWRITABLE for a file-system error that means the media folder cannot be written; undefined for anything else. */
export function mediaWriteError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !UNWRITABLE.has(code)) return undefined;
  // The errno names the cause; the path stays in the server's log (the cause), never in the answer.
  const wrapped = new AppError('MEDIA_UNWRITABLE', `the media folder cannot be written (${code}); nothing was stored`, { errno: code });
  wrapped.cause = error;
  return wrapped;
}
