import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Who this process is, for lease rows and logs: `host:pid:random`. */
export function processIdentity(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * A named lease row: at most one process holds it at a time, on one machine or many, on SQLite or
 * PostgreSQL. The holder renews it well before it expires; if the holder dies, another process
 * takes it once it has expired. Times are wall-clock (a test's fixed clock must not stop it), so
 * machines sharing a database need their clocks in step (NTP) to within a few seconds.
 */
export class Lease {
  private heldUntil = 0;

  constructor(
    private readonly db: Kysely<Database>,
    readonly name: string,
    readonly holder: string,
    /** How long a renewal holds (ms). */
    private readonly ttlMs = 15_000,
  ) {}

  /** True while this process holds the lease, with a margin for a renewal that is late. */
  get held(): boolean {
    return Date.now() < this.heldUntil;
  }

  /** Takes the lease if it is free or expired, or renews it; resolves to whether it is held. */
  async acquire(): Promise<boolean> {
    const now = Date.now();
    const expires = new Date(now + this.ttlMs).toISOString();
    const won = await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('leases')
        .values({ name: this.name, holder: this.holder, expires_at: expires })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const result = await trx
        .updateTable('leases')
        .set({ holder: this.holder, expires_at: expires })
        .where('name', '=', this.name)
        .where((eb) => eb.or([eb('holder', '=', this.holder), eb('expires_at', '<', new Date(now).toISOString())]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    });
    this.heldUntil = won ? now + this.ttlMs - Math.min(5000, this.ttlMs / 3) : 0;
    return won;
  }

  /** Gives the lease up at once (at shutdown), so another process need not wait for it to expire. */
  async release(): Promise<void> {
    this.heldUntil = 0;
    await this.db
      .updateTable('leases')
      .set({ expires_at: new Date(0).toISOString() })
      .where('name', '=', this.name)
      .where('holder', '=', this.holder)
      .execute();
  }
}
