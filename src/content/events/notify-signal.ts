import pg from 'pg';
import type { EventSignal } from './event-signal.ts';

export interface NotifySignalOptions {
  /** The database's URL (without `?schema=`). */
  url: string;
  /** The schema the site lives in: sites sharing one database hear only their own events. */
  schema?: string;
  log?: (error: unknown) => void;
  /** The application_name its connection shows in pg_stat_activity. */
  applicationName?: string;
  /** First delay before reconnecting after the listening connection is lost (ms); doubles to 30 s. */
  retryMs?: number;
}

/**
 * PostgreSQL LISTEN/NOTIFY between every process and machine of one site: a write's process
 * sends the last event id, every listener (itself included) wakes and reads the log. The
 * listening connection is kept open and reconnected with backoff when lost; after a reconnect
 * the listener reads the log from where it was, so nothing said meanwhile is missed.
 */
export function notifySignal(options: NotifySignalOptions): EventSignal {
  const channel = `prokash_events_${options.schema ?? 'public'}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let client: pg.Client | undefined;
  let ready = false;
  let closed = false;
  let wakeFn: ((lastId?: number) => void) | undefined;
  let delay = options.retryMs ?? 250;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.url, ...(options.applicationName ? { application_name: options.applicationName } : {}) });
    next.on('notification', (message) => {
      if (message.channel !== channel) return;
      const id = Number(message.payload);
      wakeFn?.(Number.isInteger(id) ? id : undefined);
    });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
    ready = true;
    delay = options.retryMs ?? 250;
  };

  const lost = (which: pg.Client, error?: unknown) => {
    if (which !== client && client !== undefined) return;
    ready = false;
    client = undefined;
    if (error) options.log?.(error);
    which.removeAllListeners('end');
    which.end().catch(() => {});
    schedule();
  };

  const schedule = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect()
        .then(() => wakeFn?.()) // read whatever was written while nobody listened
        .catch((error: unknown) => {
          options.log?.(error);
          delay = Math.min(delay * 2, 30_000);
          schedule();
        });
    }, delay);
    retryTimer.unref();
  };

  return {
    announce(lastId) {
      if (!ready || !client) return;
      client.query('SELECT pg_notify($1, $2)', [channel, String(lastId)]).catch((error: unknown) => options.log?.(error));
    },
    async listen(wake) {
      wakeFn = wake;
      try {
        await connect();
      } catch (error) {
        options.log?.(error);
        schedule(); // the site serves meanwhile; the poll keeps it current
      }
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      ready = false;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => {});
      }
    },
  };
}
