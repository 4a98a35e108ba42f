import { AppError } from '../../lib/errors.ts';

/** A body that breaks the document schema; `path` points at the node, e.g. `content[3].content[0]`. */
export class DocumentError extends AppError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super('INVALID_DOCUMENT', path ? `${reason} (at ${path})` : reason, { path });
    this.name = 'DocumentError';
  }
}
