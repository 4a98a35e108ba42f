// Whether Avro phonetic typing is on. One switch for the whole app (every field and the editor),
// remembered in this browser, toggled with Ctrl+M or F12 as in Avro Keyboard itself.
type Listener = (on: boolean) => void;

const STORAGE_KEY = 'prokash.avro';
let on = readStored();
const listeners = new Set<Listener>();

/** The browser's storage; none where there is no window (the unit tests run in Node). */
function storage(): Storage | undefined {
  return 'localStorage' in globalThis ? globalThis.localStorage : undefined;
}

function readStored(): boolean {
  try {
    return storage()?.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Whether Avro mode is on now. */
export function avroModeOn(): boolean {
  return on;
}

/** Turns Avro mode on or off and tells every listener. */
export function setAvroMode(value: boolean): void {
  on = value;
  try {
    storage()?.setItem(STORAGE_KEY, value ? 'on' : 'off');
  } catch {
    // Private mode: the switch still works for this page.
  }
  for (const listener of listeners) listener(on);
}

/** Calls `listener` on every change; returns the unsubscribe function. */
export function onAvroModeChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a keydown is the Avro toggle (Ctrl+M or F12). */
export function isAvroToggle(event: KeyboardEvent): boolean {
  if (event.key === 'F12' && !event.ctrlKey && !event.altKey && !event.metaKey) return true;
  return event.ctrlKey && !event.altKey && !event.shiftKey && !event.metaKey && event.key.toLowerCase() === 'm';
}
