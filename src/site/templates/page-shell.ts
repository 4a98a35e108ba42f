import { html, type SafeHtml } from '../../lib/html.ts';

export interface ShellParts {
  /** The page's own content: the first thing after the header. */
  main: SafeHtml;
  /** The সর্বশেষ / জনপ্রিয় tabs: a sidebar from 1000px, after `main` on phones. */
  side: SafeHtml;
  /** What follows the tabs on phones (related stories, tags, section blocks). */
  after?: SafeHtml | string;
}

// One grid for every page: on phones the three parts stack in source order; from 1000px the
// sidebar takes a column beside both `main` and `after`.
/** The <main> element with the main column, the sidebar and the content after it. */
export function renderShell(parts: ShellParts): SafeHtml {
  return html`<main id="main" class="container shell">
<div class="shell__main">
${parts.main}
</div>
<aside class="shell__side">
${parts.side}
</aside>
${
  parts.after
    ? html`<div class="shell__after">
${parts.after}
</div>`
    : ''
}
</main>`;
}
