// A small, strict XML 1.0 reader for the feed tests: it accepts only well-formed documents with
// every namespace prefix declared, and throws with the offset of the first fault. No DTDs.
export interface XmlElement {
  /** Local name, without the prefix. */
  name: string;
  /** Namespace URI ('' when none). */
  ns: string;
  /** Attributes by qualified name as written (`isPermaLink`, `xmlns:news`). */
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Character data directly inside the element, entities and CDATA resolved. */
  text: string;
}

const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses a whole document; throws on anything not well-formed or namespace-valid. */
export function parseXml(src: string): XmlElement {
  if (BAD_CHAR.test(src)) throw new Error(`character not allowed in XML at ${src.search(BAD_CHAR)}`);
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (/\s/.test(src[i] ?? '')) i++;
  };
  const skipPast = (s: string) => {
    const end = src.indexOf(s, i);
    if (end < 0) fail(`expected ${s}`);
    i = end + s.length;
  };
  const expect = (s: string) => (src.startsWith(s, i) ? (i += s.length) : fail(`expected ${s}`));
  const name = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const decode = (raw: string) =>
    raw.replace(/&([^;]*);|&/g, (all, ref: string | undefined) => {
      if (ref === undefined) return fail('bare &');
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#(\d+)$/.exec(ref)?.[1];
      if (!code) return fail(`unknown entity ${all}`);
      const ch = String.fromCodePoint(parseInt(code, ref.startsWith('#x') ? 16 : 10));
      return BAD_CHAR.test(ch) ? fail(`bad character reference ${all}`) : ch;
    });
  const misc = () => {
    for (;;) {
      skipSpace();
      if (src.startsWith('<!--', i)) comment();
      else if (src.startsWith('<?', i) && !src.startsWith('<?xml ', i)) skipPast('?>');
      else return;
    }
  };
  const comment = () => {
    const end = src.indexOf('-->', i + 4);
    if (end < 0 || src.slice(i + 4, end).includes('--')) fail('bad comment');
    i = end + 3;
  };
  const resolve = (qname: string, scope: Map<string, string>, isAttr: boolean) => {
    const colon = qname.indexOf(':');
    if (colon < 0) return { ns: isAttr ? '' : (scope.get('') ?? ''), local: qname };
    const prefix = qname.slice(0, colon);
    const ns = prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : scope.get(prefix);
    if (ns === undefined) fail(`undeclared prefix ${prefix}`);
    return { ns: ns!, local: qname.slice(colon + 1) };
  };

  const element = (outer: Map<string, string>): XmlElement => {
    expect('<');
    const qname = name();
    const attrs = new Map<string, string>();
    for (;;) {
      const before = i;
      skipSpace();
      if (src.startsWith('/>', i) || src[i] === '>') break;
      if (i === before) fail('expected space before an attribute');
      const key = name();
      if (attrs.has(key)) fail(`duplicate attribute ${key}`);
      skipSpace();
      expect('=');
      skipSpace();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") fail('unquoted attribute');
      const end = src.indexOf(quote!, i + 1);
      if (end < 0) fail('unclosed attribute');
      const raw = src.slice(i + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      attrs.set(key, decode(raw));
      i = end + 1;
    }
    const scope = new Map(outer);
    for (const [key, value] of attrs) {
      if (key === 'xmlns') scope.set('', value);
      else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
    }
    for (const key of attrs.keys()) if (!key.startsWith('xmlns')) resolve(key, scope, true);
    const { ns, local } = resolve(qname, scope, false);
    const el: XmlElement = { name: local, ns, attrs, children: [], text: '' };
    if (src.startsWith('/>', i)) {
      i += 2;
      return el;
    }
    expect('>');
    content(el, scope);
    expect('</');
    if (name() !== qname) fail(`end tag does not match <${qname}>`);
    skipSpace();
    expect('>');
    return el;
  };

  const content = (el: XmlElement, scope: Map<string, string>) => {
    for (;;) {
      const lt = src.indexOf('<', i);
      if (lt < 0) fail('unclosed element');
      const text = src.slice(i, lt);
      if (text.includes(']]>')) fail(']]> in text');
      el.text += decode(text);
      i = lt;
      if (src.startsWith('</', i)) return;
      if (src.startsWith('<!--', i)) comment();
      else if (src.startsWith('<![CDATA[', i)) {
        const end = src.indexOf(']]>', i);
        if (end < 0) fail('unclosed CDATA');
        el.text += src.slice(i + 9, end);
        i = end + 3;
      } else if (src.startsWith('<!', i) || src.startsWith('<?', i)) fail('declaration inside content');
      else el.children.push(element(scope));
    }
  };

  if (src.startsWith('<?xml ')) skipPast('?>');
  misc();
  if (src.startsWith('<!DOCTYPE', i)) fail('DOCTYPE not accepted');
  const root = element(new Map());
  misc();
  if (i !== src.length) fail('content after the root element');
  return root;
}

/** The element's children with this namespace and local name. */
export const childrenOf = (el: XmlElement, ns: string, name: string) => el.children.filter((c) => c.ns === ns && c.name === name);

/** The one child with this namespace and name; throws when there is none. */
export function childOf(el: XmlElement, ns: string, name: string): XmlElement {
  const found = childrenOf(el, ns, name)[0];
  if (!found) throw new Error(`<${el.name}> has no <${name}> in ${ns || 'no namespace'}`);
  return found;
}

export const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  content: 'http://purl.org/rss/1.0/modules/content/',
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};
