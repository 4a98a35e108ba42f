import type { EventSignal } from './event-signal.ts';

/** The message a worker and the cluster primary exchange: "events up to `id` exist". */
export interface EventsMessage {
  prokash: 'events';
  id: number;
}

export function isEventsMessage(message: unknown): message is EventsMessage {
  return (
    typeof message === 'object' && message !== null && 'prokash' in message && message.prokash === 'events' && 'id' in message && Number.isInteger(message.id)
  );
}

/**
 * A cluster worker's signal: it tells the primary, which relays to every other worker
 * (see cli/cluster-primary.ts). Works for the workers of one machine over one SQLite file.
 */
export function clusterSignal(channel: Pick<NodeJS.Process, 'send' | 'on' | 'off' | 'connected'> = process): EventSignal {
  let handler: ((message: unknown) => void) | undefined;
  return {
    announce(id) {
      if (!channel.send || !channel.connected) return;
      try {
        channel.send({ prokash: 'events', id } satisfies EventsMessage);
      } catch {
        // The primary is going away; the poll covers what this would have said.
      }
    },
    async listen(wake) {
      handler = (message) => {
        if (isEventsMessage(message)) wake(message.id);
      };
      channel.on('message', handler);
    },
    async close() {
      if (handler) channel.off('message', handler);
    },
  };
}
