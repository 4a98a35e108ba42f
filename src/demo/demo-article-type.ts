/** The shape of one demo article, and a small helper for writing bodies. */

export type DemoByline = { desk: string } | { authors: string[] } | { correspondent: { name?: string; place: string; district: string } } | { agency: string };

export interface DemoArticle {
  /** Stable numeric id (251001…). */
  id: number;
  /** A `demoSections` path. */
  section: string;
  /** '' when none. */
  kicker: string;
  headline: string;
  /** Usually ''. */
  subheadline: string;
  /** One or two sentences. */
  summary: string;
  /** Plain text, paragraphs separated by a blank line. */
  body: string;
  /** Desk, author and agency names match `demoPeople` names; a correspondent's district is a slug. */
  byline: DemoByline;
  /** ISO 8601 with +06:00 — only the seed article has a fixed time. */
  published_at?: string;
  /** Published this many minutes before seeding time. */
  ageMinutes?: number;
  /** A significant update this many minutes after publication. */
  updated_after_minutes?: number;
  edition: 'online' | 'print';
  /** Required when edition is print. */
  print_page?: number;
  breaking?: boolean;
  /** District slug, for country news filed from a district. */
  district?: string;
  /** `palette` picks the generated image's colours (see demo-image.ts). */
  image?: { caption: string; credit: string; alt: string; palette: number };
  /** Bengali tag names. */
  tags: string[];
}

/** Joins paragraphs with a blank line. */
export function paras(...paragraphs: string[]): string {
  return paragraphs.map((p) => p.trim()).join('\n\n');
}
