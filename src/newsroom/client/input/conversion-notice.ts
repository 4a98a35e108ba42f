// The one notice shown after a pasted Bijoy text was converted, with the way back.
type Listener = (notice: ConversionNotice | undefined) => void;

export interface ConversionNotice {
  /** Restores the original pasted text; the notice closes. */
  undo: () => void;
}

let current: ConversionNotice | undefined;
const listeners = new Set<Listener>();

/** Shows the notice (replacing any earlier one). */
export function showConversionNotice(notice: ConversionNotice): void {
  current = notice;
  for (const listener of listeners) listener(current);
}

/** Hides the notice. */
export function hideConversionNotice(): void {
  if (current === undefined) return;
  current = undefined;
  for (const listener of listeners) listener(undefined);
}

/** Calls `listener` whenever the notice changes; returns the unsubscribe function. */
export function onConversionNotice(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
