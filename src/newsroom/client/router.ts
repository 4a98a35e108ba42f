// A small history router for the app under /admin: paths are kept without the /admin prefix.
import { useEffect, useState } from 'preact/hooks';

const BASE = '/admin';
const listeners = new Set<() => void>();

function currentPath(): string {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  return path === '' ? '/' : path;
}

/** Goes to an app path such as `/articles/12` (pushes history unless `replace`). */
export function navigate(path: string, replace = false): void {
  const url = BASE + (path === '/' ? '/' : path);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/**
 * Changes the address bar only, without re-rendering the screen: a new article keeps its
 * editor (and caret) when its first save gives it an id.
 */
export function replaceUrlQuietly(path: string): void {
  history.replaceState(null, '', BASE + path);
}

/** The current app path and a count of visits (a new visit to the same path starts afresh). */
export function useRoute(): { path: string; visit: number } {
  const [route, setRoute] = useState(() => ({ path: currentPath(), visit: 0 }));
  useEffect(() => {
    const update = () => setRoute((old) => ({ path: currentPath(), visit: old.visit + 1 }));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** The full href of an app path, for real links (open in new tab works). */
export function href(path: string): string {
  return BASE + path;
}

/** A link that navigates inside the app without reloading; modified clicks keep browser behaviour. */
export function onLinkClick(event: MouseEvent, path: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}
