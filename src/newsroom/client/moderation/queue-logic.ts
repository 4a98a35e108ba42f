// The moderation queue's rules without the screen: which decisions a tab offers, the selection
// for bulk actions, and the keys a moderator works with.

export type QueueStatus = 'pending' | 'approved' | 'rejected' | 'spam';
export type Decision = 'approve' | 'reject' | 'spam';

export const QUEUE_STATUSES: readonly QueueStatus[] = ['pending', 'approved', 'rejected', 'spam'];
const RESULT: Record<Decision, QueueStatus> = { approve: 'approved', reject: 'rejected', spam: 'spam' };

/** The decisions worth offering for comments in this state (never the state they are in). */
export function decisionsFor(status: QueueStatus): Decision[] {
  return (['approve', 'reject', 'spam'] as const).filter((d) => RESULT[d] !== status);
}

/** The selection with `id` added or taken away. */
export function toggleOne(selected: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Everything shown, or nothing when everything shown is already selected. */
export function toggleAll(selected: ReadonlySet<number>, shown: readonly number[]): Set<number> {
  const all = shown.length > 0 && shown.every((id) => selected.has(id));
  return all ? new Set() : new Set(shown);
}

/** The selection limited to what is still shown (after a decision moved some away). */
export function keepShown(selected: ReadonlySet<number>, shown: readonly number[]): Set<number> {
  return new Set(shown.filter((id) => selected.has(id)));
}

export type QueueKey = { move: 1 | -1 } | { toggle: true } | { decide: Decision };

/** What a key pressed on a comment does (undefined: nothing, let the browser have it). */
export function queueKey(event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): QueueKey | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  switch (event.key) {
    case 'ArrowDown':
    case 'j':
      return { move: 1 };
    case 'ArrowUp':
    case 'k':
      return { move: -1 };
    case 'x':
      return { toggle: true };
    case 'a':
      return { decide: 'approve' };
    case 'r':
      return { decide: 'reject' };
    case 's':
      return { decide: 'spam' };
    default:
      return undefined;
  }
}

/** The index to focus after a move, kept inside the list. */
export function moveIndex(current: number, by: 1 | -1, length: number): number {
  if (length === 0) return -1;
  return Math.min(length - 1, Math.max(0, current + by));
}
