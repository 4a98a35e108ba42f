/** A URL from an HTML attribute as a browser reads it, before our safety rules judge it. */
export function urlFromAttribute(value: string | undefined): string {
  // Browsers strip leading and trailing C0 controls and spaces from URL attributes.
  // eslint-disable-next-line no-control-regex -- the C0 controls are the characters it strips
  const url = (value ?? '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  // Protocol-relative URLs (`//cdn.example/x.jpg`, common in older embeds) resolve to https on
  // an https page; store them absolute so the body does not depend on the page's scheme.
  return url.startsWith('//') ? `https:${url}` : url;
}
