import type { ArticleService } from './articles/article.service.ts';

/**
 * Publishes scheduled articles when their time comes. Every process runs one; the compare-and-set
 * in publishDue makes each article publish exactly once, and a restart loses nothing because the
 * schedule lives in the database.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly articles: ArticleService,
    private readonly intervalMs = 1000,
    private readonly log: (error: unknown) => void = () => {},
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass; overlapping passes are skipped. */
  async tick(): Promise<number[]> {
    if (this.running) return [];
    this.running = true;
    try {
      return await this.articles.publishDue();
    } catch (error) {
      this.log(error);
      return [];
    } finally {
      this.running = false;
    }
  }
}
