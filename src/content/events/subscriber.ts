import type { ContentEventType, LoggedEvent } from './content-event.ts';

/**
 * Something that keeps state in step with the content: a cache, an index, a list. It is told
 * the events of its types in log order, at least once: after a failure the same events come
 * again, so applying one twice must do no harm.
 */
export interface Subscriber {
  /** Unique; names the subscriber in logs, the health view and (shared ones) event_cursors. */
  readonly name: string;
  readonly types: readonly ContentEventType[];
  /**
   * `process`: state in this process's memory, kept by every process from the log's head at its
   * start. `shared`: state in the database, kept by one process at a time (the lease holder),
   * with its position saved in event_cursors so another can carry on where it stopped.
   */
  readonly scope: 'process' | 'shared';
  /**
   * Applies events (oldest first, only of its types). A throw means none of them counts as
   * applied. It must not write through the ContentWriter: a write waits for its events to be
   * applied, and would wait for itself.
   */
  apply(events: readonly LoggedEvent[]): Promise<void> | void;
  /**
   * Called instead of `apply` when events it has not seen were pruned from the log (a process
   * that was cut off for days): rebuild from the database.
   */
  resync(): Promise<void> | void;
}
