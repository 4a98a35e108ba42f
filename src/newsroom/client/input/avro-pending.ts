// The word being typed in Avro mode, before a space finishes it: what it will become is shown beside
// the caret, and it is converted when the field is left, when the caret moves away and before any
// save. Each kind of field (plain fields in text-fields.ts, the body editor in editor/bangla-input.ts)
// registers how to commit its own pending word.

/** What the preview shows: the Bengali the pending word will become, and where to show it. */
export interface AvroPreview {
  text: string;
  /** The caret's (or field's) box in viewport coordinates. */
  left: number;
  top: number;
  bottom: number;
}

type PreviewListener = (preview: AvroPreview | undefined) => void;

interface Committer {
  /** Converts the pending word now, if there is one. */
  commit: () => void;
  /** Whether a word is pending. */
  pending: () => boolean;
}

const committers = new Set<Committer>();
const previewListeners = new Set<PreviewListener>();
let preview: AvroPreview | undefined;

/** Registers a field kind's pending word; returns the unregister function. */
export function registerAvroCommitter(committer: Committer): () => void {
  committers.add(committer);
  return () => committers.delete(committer);
}

/** Converts every pending Avro word now: call before reading fields to save them. */
export function commitPendingAvro(): void {
  for (const committer of [...committers]) committer.commit();
}

/** Whether a word is being typed in Avro mode somewhere (an autosave waits for it rather than cut it). */
export function avroWordPending(): boolean {
  return [...committers].some((committer) => committer.pending());
}

/** Shows (or, with undefined, hides) the preview of the pending word. */
export function setAvroPreview(next: AvroPreview | undefined): void {
  if (next === preview || (next && preview && next.text === preview.text && next.left === preview.left && next.top === preview.top)) return;
  preview = next;
  for (const listener of previewListeners) listener(preview);
}

/** The preview shown now. */
export function currentAvroPreview(): AvroPreview | undefined {
  return preview;
}

/** Calls `listener` whenever the preview changes; returns the unsubscribe function. */
export function onAvroPreview(listener: PreviewListener): () => void {
  previewListeners.add(listener);
  return () => previewListeners.delete(listener);
}

/** A run of Roman letters as Avro takes it (printable ASCII, no space). */
export function isRomanRun(text: string): boolean {
  return /^[!-~]+$/.test(text);
}
