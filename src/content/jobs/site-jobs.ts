import type { Lease } from './lease.ts';

/** Work that must run once for the whole site, whatever the number of processes and machines. */
export interface SiteJob {
  name: string;
  /** How often it runs while this process holds the lease (ms). */
  everyMs: number;
  run(): Promise<unknown>;
}

export interface SiteJobsOptions {
  lease: Lease;
  jobs: readonly SiteJob[];
  /** How often the lease is renewed, or asked for by a process that does not hold it (ms). */
  renewMs?: number;
  /** Told when this process starts or stops holding the lease. */
  onHeld?: (held: boolean) => Promise<void> | void;
  log?: (error: unknown, job?: string) => void;
}

/**
 * Runs the site's once-only jobs (scheduled publishing, the popular lists, pruning the event log)
 * in whichever process holds the lease. Every process asks; one gets it; if it dies, another
 * takes over within the lease's lifetime. The jobs stay safe to overlap for that moment
 * (publishing is a compare-and-set), so the lease saves work rather than guarding correctness.
 */
export class SiteJobs {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<string>();
  private wasHeld = false;
  private renewing: Promise<void> | undefined;

  constructor(private readonly options: SiteJobsOptions) {}

  get held(): boolean {
    return this.options.lease.held;
  }

  async start(): Promise<void> {
    await this.renew();
    const renew = setInterval(() => void this.renew(), this.options.renewMs ?? 5000);
    renew.unref();
    this.timers.push(renew);
    for (const job of this.options.jobs) {
      const timer = setInterval(() => void this.runJob(job), job.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
    await this.renewing;
    if (this.wasHeld) {
      this.wasHeld = false;
      await this.options.lease.release().catch((error: unknown) => this.options.log?.(error));
      await this.options.onHeld?.(false);
    }
  }

  /** Takes or keeps the lease; a process that just took it runs every job once at once. */
  renew(): Promise<void> {
    this.renewing ??= (async () => {
      try {
        await this.options.lease.acquire();
      } catch (error) {
        this.options.log?.(error);
      }
      const held = this.options.lease.held;
      if (held !== this.wasHeld) {
        this.wasHeld = held;
        await Promise.resolve(this.options.onHeld?.(held)).catch((error: unknown) => this.options.log?.(error));
        if (held) for (const job of this.options.jobs) void this.runJob(job);
      }
    })().finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  private async runJob(job: SiteJob): Promise<void> {
    if (!this.options.lease.held || this.running.has(job.name)) return;
    this.running.add(job.name);
    try {
      await job.run();
    } catch (error) {
      this.options.log?.(error, job.name);
    } finally {
      this.running.delete(job.name);
    }
  }
}
