import type { ArticleService } from './articles/article.service.ts';

/**
 * Publishes scheduled articles when their time comes. It runs as one of the site's jobs, in the
 * process holding the site's lease (content/jobs/site-jobs.ts); the compare-and-set in
 * publishDue makes each article publish exactly once even if two processes ever overlap, and a
 * restart loses nothing because the schedule lives in the database.
 */
export class Scheduler {
  private running = false;

  constructor(
    private readonly articles: ArticleService,
    private readonly log: (error: unknown) => void = () => {},
  ) {}

  /** One pass; overlapping passes are skipped. Returns the ids it published. */
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
