// A copy of the article being edited, kept in this browser's localStorage on every change until the
// server has it, so that a closed tab, a crash or a refused save loses nothing: the article screen
// offers it back when the article is opened again.
import type { ArticleInput } from '../api-types.ts';

export interface LocalCopy {
  input: ArticleInput;
  /** The server revision the copy was edited from (undefined for an article never saved). */
  revision: number | undefined;
  /** When it was written (ISO). */
  savedAt: string;
}

const PREFIX = 'prokash.copy';

function storage(): Storage | undefined {
  try {
    return 'localStorage' in globalThis ? globalThis.localStorage : undefined;
  } catch {
    return undefined;
  }
}

/** The key of one user's copy of one article (`new` for one not yet saved). */
export function localCopyKey(userId: number, articleId: number | undefined): string {
  return `${PREFIX}.${userId}.${articleId ?? 'new'}`;
}

export function readLocalCopy(key: string): LocalCopy | undefined {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    const copy = JSON.parse(raw) as unknown;
    if (typeof copy !== 'object' || copy === null) return undefined;
    const { input, savedAt } = copy as Partial<LocalCopy>;
    return typeof input === 'object' && typeof savedAt === 'string' ? (copy as LocalCopy) : undefined;
  } catch {
    return undefined;
  }
}

export function writeLocalCopy(key: string, copy: LocalCopy): void {
  try {
    storage()?.setItem(key, JSON.stringify(copy));
  } catch {
    // Storage full or refused (private mode): the server copy and the unsaved-changes guard remain.
  }
}

export function removeLocalCopy(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}
