import { DocumentError } from './document-error.ts';
import type { Doc } from './document-types.ts';
import { documentFromHtml } from './from-html.ts';
import { documentFromPlainText } from './from-plain-text.ts';
import { parseDocument } from './validate-document.ts';

// Text is HTML when it holds a tag of the kinds article HTML is made of. A bare `<` or `&` in
// plain text ("৫ < ১০") is not enough. Script-like and active tags count (a body of nothing but
// <svg>, <form> or <meta> was shown to readers as markup), so they are dropped, not shown.
const HTML_TAG =
  /<\/?(?:p|div|br|hr|h[1-6]|ul|ol|li|blockquote|figure|figcaption|img|iframe|a|b|strong|i|em|u|span|font|table|tr|td|section|article|center|pre|sup|sub|small|script|style|noscript|svg|math|object|embed|form|input|button|textarea|select|base|meta|link|template|html|head|body|title|frameset|frame|canvas|video|audio|source|picture)(?=[\s/>])[^<>]*>/i;

/** The exchange format's `body`: plain text, HTML, or a document object (also as a JSON string). */
export function documentFromBodyInput(body: unknown): Doc {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return parseDocument(body);
  if (typeof body !== 'string') {
    throw new DocumentError('', 'body must be plain text, HTML or a document object');
  }
  const json = documentJson(body);
  if (json !== undefined) return parseDocument(json);
  return HTML_TAG.test(body) ? documentFromHtml(body) : documentFromPlainText(body);
}

// Some systems store the document as a string of JSON; read it rather than print it as text.
function documentJson(body: string): unknown {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc' ? value : undefined;
  } catch {
    return undefined;
  }
}
