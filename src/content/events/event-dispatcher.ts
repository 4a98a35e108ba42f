import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { LoggedEvent } from './content-event.ts';
import { lastEventId, oldestEventId, readEvents } from './event-log.ts';
import type { Subscriber } from './subscriber.ts';

export interface EventDispatcherOptions {
  db: Kysely<Database>;
  subscribers: readonly Subscriber[];
  /** How often the log is read even when nobody announced anything (ms; 0: only when woken). */
  pollMs?: number;
  /** Events read per query. */
  batch?: number;
  log?: (error: unknown, subscriber?: string) => void;
}

/** How one subscriber stands, for the health view. */
export interface SubscriberStatus {
  name: string;
  scope: Subscriber['scope'];
  /** Shared subscribers run only in the process holding the site's lease. */
  active: boolean;
  applied: number;
  head: number;
  /** Present while it is behind after a failure, retried with backoff. */
  failing?: { since: string; attempts: number; error: string; retryInMs: number };
}

/** Where shared subscribers' positions are kept (event_cursors). */
export interface EventCursors {
  read(name: string): Promise<number | undefined>;
  save(name: string, id: number): Promise<void>;
}

interface State {
  subscriber: Subscriber;
  active: boolean;
  applied: number;
  failing?: { since: Date; attempts: number; error: string; delayMs: number; timer?: NodeJS.Timeout };
  retrying?: Promise<void>;
}

const MAX_BACKOFF_MS = 60_000;

/**
 * Reads the event log after the last event it handed out and gives each subscriber the events of
 * its types, in order. Woken by this process's writes and by other processes (cluster relay,
 * PostgreSQL NOTIFY); polls as a fallback, so a missed wake-up costs at most one poll interval.
 * A subscriber that throws is left behind at its last applied event and retried with backoff,
 * alone; the others carry on, and the write that caused the event never knows.
 */
export class EventDispatcher {
  private readonly states: State[];
  private head = 0;
  private draining: Promise<void> | undefined;
  /** drain() calls so far: one made while a drain runs has it read once more. */
  private drainRequests = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private cursors: EventCursors | undefined;

  constructor(private readonly options: EventDispatcherOptions) {
    this.states = options.subscribers.map((subscriber) => ({ subscriber, active: subscriber.scope === 'process', applied: 0 }));
  }

  /** The last event read; process subscribers start here (the state they build is current). */
  async start(): Promise<void> {
    this.head = await lastEventId(this.options.db);
    for (const state of this.states) if (state.subscriber.scope === 'process') state.applied = this.head;
    const pollMs = this.options.pollMs ?? 500;
    if (pollMs > 0) {
      this.timer = setInterval(() => this.wake(), pollMs);
      this.timer.unref();
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const state of this.states) if (state.failing?.timer) clearTimeout(state.failing.timer);
  }

  /** Reads new events soon; `upTo` (the announced id) skips the read when it was seen already. */
  wake(upTo?: number): void {
    if (this.stopped || (upTo !== undefined && upTo <= this.head)) return;
    void this.drain();
  }

  /** Reads and hands out every event up to the newest; resolves when done (tests await it). */
  drain(): Promise<void> {
    this.drainRequests++;
    if (this.draining) return this.draining;
    this.draining = (async () => {
      try {
        let answered: number;
        do {
          answered = this.drainRequests;
          await this.readAll();
        } while (answered !== this.drainRequests && !this.stopped);
      } catch (error) {
        this.options.log?.(error);
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  /** Starts or stops the shared subscribers (the holder of the site's lease runs them). */
  async setShared(active: boolean, cursors: EventCursors): Promise<void> {
    for (const state of this.states) {
      if (state.subscriber.scope !== 'shared' || state.active === active) continue;
      if (!active) {
        state.active = false;
        continue;
      }
      const saved = await cursors.read(state.subscriber.name);
      state.applied = saved ?? this.head; // never run before: the start-up catch-up made it current
      if (saved === undefined) await cursors.save(state.subscriber.name, state.applied);
      state.active = true;
      this.cursors = cursors;
      if (state.applied < this.head) this.catchUp(state);
    }
  }

  status(): SubscriberStatus[] {
    return this.states.map((s) => ({
      name: s.subscriber.name,
      scope: s.subscriber.scope,
      active: s.active,
      applied: s.applied,
      head: this.head,
      ...(s.failing
        ? { failing: { since: s.failing.since.toISOString(), attempts: s.failing.attempts, error: s.failing.error, retryInMs: s.failing.delayMs } }
        : {}),
    }));
  }

  private async readAll(): Promise<void> {
    const batch = this.options.batch ?? 500;
    for (;;) {
      const events = await readEvents(this.options.db, this.head, batch);
      if (!events.length) return;
      if (events[0]!.id > this.head + 1 && (await this.pruned(this.head))) {
        await this.resyncAll();
        continue;
      }
      const last = events.at(-1)!.id;
      // Moved first: a subscriber catching up alone reads up to the head, this batch included.
      this.head = last;
      for (const state of this.states) {
        if (!state.active || state.failing || state.retrying) continue;
        // Shared subscribers (the search index) follow in a lane of their own: a slow one never
        // holds back the pages, and a write never waits for it.
        if (state.subscriber.scope === 'shared') this.catchUp(state);
        else await this.deliver(state, events, last);
      }
      if (events.length < batch) return;
    }
  }

  /** Gives a subscriber its events among these; on failure it stays at its last applied event. */
  private async deliver(state: State, events: readonly LoggedEvent[], last: number): Promise<boolean> {
    const { subscriber } = state;
    const mine = events.filter((e) => e.id > state.applied && subscriber.types.includes(e.type));
    try {
      if (mine.length) await subscriber.apply(mine);
    } catch (error) {
      this.fail(state, error);
      return false;
    }
    state.applied = Math.max(state.applied, last);
    if (subscriber.scope === 'shared') {
      await this.cursors?.save(subscriber.name, state.applied).catch((error: unknown) => this.options.log?.(error, subscriber.name));
    }
    return true;
  }

  private fail(state: State, error: unknown): void {
    this.options.log?.(error, state.subscriber.name);
    const attempts = (state.failing?.attempts ?? 0) + 1;
    const delayMs = Math.min(MAX_BACKOFF_MS, 500 * 2 ** (attempts - 1));
    state.failing = { since: state.failing?.since ?? new Date(), attempts, error: error instanceof Error ? error.message : String(error), delayMs };
    if (this.stopped) return;
    state.failing.timer = setTimeout(() => this.catchUp(state), delayMs);
    state.failing.timer.unref();
  }

  /** Waits until every event read so far is applied, or left to a retry (tests, shutdown). */
  async settle(): Promise<void> {
    await this.drain();
    for (;;) {
      const running = this.states.flatMap((s) => (s.retrying ? [s.retrying] : []));
      if (!running.length) return;
      await Promise.all(running);
    }
  }

  /** Brings one subscriber from its own position up to the head, then back with the others. */
  private catchUp(state: State): void {
    if (state.retrying || this.stopped) return;
    state.retrying = (async () => {
      try {
        const batch = this.options.batch ?? 500;
        while (state.active && state.applied < this.head && !this.stopped) {
          if (await this.pruned(state.applied)) {
            await state.subscriber.resync();
            state.applied = this.head;
            break;
          }
          const events = await readEvents(this.options.db, state.applied, batch, this.head);
          if (!events.length) break;
          if (!(await this.deliver(state, events, events.at(-1)!.id))) return;
        }
        state.failing = undefined; // caught up: the next read includes it again
      } catch (error) {
        this.fail(state, error);
      } finally {
        state.retrying = undefined;
      }
    })();
  }

  private async pruned(after: number): Promise<boolean> {
    const oldest = await oldestEventId(this.options.db);
    return oldest !== undefined && oldest > after + 1;
  }

  private async resyncAll(): Promise<void> {
    this.head = await lastEventId(this.options.db);
    for (const state of this.states) {
      if (!state.active) continue;
      try {
        await state.subscriber.resync();
        state.applied = this.head;
      } catch (error) {
        this.fail(state, error);
      }
    }
  }
}
