/**
 * How processes wake each other when events are written: a hint, never the record. A process
 * that misses one reads the log at its next poll.
 */
export interface EventSignal {
  /** Tells the other processes that events up to `lastId` exist. Never throws. */
  announce(lastId: number): void;
  /** Starts listening; `wake` is called with the announced id (none after a reconnect: read all). */
  listen(wake: (lastId?: number) => void): Promise<void>;
  close(): Promise<void>;
}

/** One process alone: nobody else to tell. */
export const noSignal: EventSignal = {
  announce() {},
  async listen() {},
  async close() {},
};

/** Several signals at once (a cluster worker on PostgreSQL hears both). */
export function combineSignals(signals: readonly EventSignal[]): EventSignal {
  return {
    announce: (lastId) => signals.forEach((s) => s.announce(lastId)),
    listen: async (wake) => {
      await Promise.all(signals.map((s) => s.listen(wake)));
    },
    close: async () => {
      await Promise.all(signals.map((s) => s.close()));
    },
  };
}
