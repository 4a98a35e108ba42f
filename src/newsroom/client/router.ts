// A small history router for the app under /admin: paths are kept without the /admin prefix.
import { useEffect, useState } from 'preact/hooks';

const BASE = '/admin';
const listeners = new Set<() => void>();
let guard: (() => boolean) | undefined;
/** The path shown now, to go back to when leaving by the browser's Back is refused. */
let shownPath = typeof location === 'undefined' ? '/' : currentPath();

/**
 * While set, `guard` is asked before every in-app navigation (links, navigate(), Back/Forward) and
 * may refuse it (unsaved changes); returns the function that removes it.
 */
export function setNavigationGuard(check: () => boolean): () => void {
  guard = check;
  return () => {
    if (guard === check) guard = undefined;
  };
}

function currentPath(): string {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  return path === '' ? '/' : path;
}

/** Goes to an app path such as `/articles/12` (pushes history unless `replace`). */
export function navigate(path: string, replace = false): void {
  if (guard && !guard()) return;
  const url = BASE + (path === '/' ? '/' : path);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  shownPath = currentPath();
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/**
 * Changes the address bar only, without re-rendering the screen: a new article keeps its
 * editor (and caret) when its first save gives it an id.
 */
export function replaceUrlQuietly(path: string): void {
  history.replaceState(null, '', BASE + path);
  shownPath = path;
}

/** The current app path and a count of visits (a new visit to the same path starts afresh). */
export function useRoute(): { path: string; visit: number } {
  const [route, setRoute] = useState(() => ({ path: currentPath(), visit: 0 }));
  useEffect(() => {
    const update = () => setRoute((old) => ({ path: currentPath(), visit: old.visit + 1 }));
    const onPopState = () => {
      if (guard && currentPath() !== shownPath && !guard()) {
        // Refused: put the page being left back in the address bar.
        history.pushState(null, '', BASE + (shownPath === '/' ? '/' : shownPath));
        return;
      }
      shownPath = currentPath();
      update();
    };
    listeners.add(update);
    window.addEventListener('popstate', onPopState);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', onPopState);
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
