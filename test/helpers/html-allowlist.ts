// The body serializer's allowlist (src/content/document/render-html.ts), as a test reads it: the
// rendered HTML is parsed again and every tag, attribute and URL is checked against it.
import { Parser } from 'htmlparser2';

// What the serializer may write: each tag with the attributes it may carry.
const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  h2: [],
  h3: [],
  h4: [],
  br: [],
  strong: [],
  em: [],
  a: ['href', 'rel', 'target'],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  hr: [],
  figure: ['class'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
  figcaption: [],
  span: ['class'],
  div: ['class', 'data-embed-provider', 'data-embed-url'],
};
const URL_ATTRIBUTES = new Set(['href', 'src', 'data-embed-url']);
// An allowed URL as the browser reads it: http(s) with a host, mailto:, or a path on this site;
// no control character, space or backslash anywhere (a browser drops or rewrites them).
// eslint-disable-next-line no-control-regex -- the C0 controls are among what it refuses
const SAFE_URL = /^(?:https?:\/\/[^/\\?#\s]|mailto:.|\/(?![/\\]))[^\u0000-\u0020\u007f\\]*$/i;

/** Every problem of rendered HTML against the allowlist: tags, attributes, URL schemes, stray markup. */
export function allowlistProblems(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const allowed = ALLOWED[name];
        if (allowed === undefined) {
          problems.push(`tag <${name}>`);
          return;
        }
        for (const [key, value] of Object.entries(attrs)) {
          if (!allowed.includes(key)) problems.push(`attribute ${name}.${key}`);
          if (URL_ATTRIBUTES.has(key) && !SAFE_URL.test(value)) problems.push(`URL ${name}.${key}=${JSON.stringify(value)}`);
        }
      },
      oncomment: () => problems.push('comment'),
      onprocessinginstruction: () => problems.push('processing instruction'),
      oncdatastart: () => problems.push('CDATA'),
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return problems;
}
