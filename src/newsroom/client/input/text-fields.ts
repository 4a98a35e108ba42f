// Bengali input for every plain text field (input and textarea) in the app, installed once on the
// document: Bijoy paste is converted with a one-step undo, Ctrl+Shift+B converts a selection, and
// Avro mode converts each word as it is finished (a space, punctuation, leaving the field, moving
// the caret away, or a save), showing meanwhile what the word will become. The editor has its own
// (editor/bangla-input.ts).
import { bijoyToUnicode } from '../../../bangla/bijoy/bijoy-to-unicode.ts';
import { looksLikeBijoy } from '../../../bangla/bijoy/looks-like-bijoy.ts';
import { avroToBangla } from '../../../bangla/avro/avro-to-bangla.ts';
import { avroEditAt } from './avro-edit.ts';
import { avroModeOn, isAvroToggle, setAvroMode } from './avro-mode.ts';
import { commitPendingAvro, isRomanRun, registerAvroCommitter, setAvroPreview } from './avro-pending.ts';
import { hideConversionNotice, showConversionNotice } from './conversion-notice.ts';

type TextField = HTMLInputElement | HTMLTextAreaElement;

// Email, password, URL and number fields never hold Bengali prose.
const TEXT_INPUT_TYPES = new Set(['text', 'search']);

/** The text field an event happened in, or undefined (other inputs, the editor, fields marked data-bangla="off"). */
export function textFieldOf(target: EventTarget | null): TextField | undefined {
  const isField = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type));
  if (!isField || target.readOnly || target.disabled || target.dataset.bangla === 'off') return undefined;
  return target;
}

/** Whether a keydown is the "Bijoy → Unicode on the selection" shortcut (Ctrl+Shift+B, ⌘⇧B). */
export function isBijoySelectionShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'b';
}

/** Replaces `start…end` of the field with `text` as one undoable edit. */
function replaceRange(field: TextField, start: number, end: number, text: string): void {
  field.focus();
  field.setSelectionRange(start, end);
  // execCommand keeps the browser's own undo stack (so Ctrl+Z works) and fires `input`, which
  // the app's state listens to. setRangeText is the fallback where it is refused. No standard API
  // inserts text into a field with undo yet, so the deprecated one stays while browsers keep it.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only way to keep the field's undo stack
  if (!document.execCommand('insertText', false, text)) {
    field.setRangeText(text, start, end, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** Converts the selected text of `field` from Bijoy to Unicode; returns false when nothing is selected. */
export function convertFieldSelection(field: TextField): boolean {
  const start = field.selectionStart ?? 0;
  const end = field.selectionEnd ?? start;
  if (start === end) return false;
  const converted = bijoyToUnicode(field.value.slice(start, end));
  replaceRange(field, start, end, converted);
  field.setSelectionRange(start, start + converted.length);
  return true;
}

function onPaste(event: ClipboardEvent): void {
  const field = textFieldOf(event.target);
  if (!field) return;
  let original = event.clipboardData?.getData('text/plain') ?? '';
  if (!looksLikeBijoy(original)) return;
  event.preventDefault();
  // A one-line field takes the text as the browser would: line breaks become spaces.
  if (field instanceof HTMLInputElement) original = original.replace(/\r?\n/g, ' ');
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  // Two edits, so that the first Ctrl+Z undoes only the conversion and leaves the text as pasted.
  replaceRange(field, start, end, original);
  const converted = bijoyToUnicode(original);
  replaceRange(field, start, start + original.length, converted);
  showConversionNotice({
    undo: () => {
      if (field.value.slice(start, start + converted.length) === converted) replaceRange(field, start, start + converted.length, original);
      hideConversionNotice();
    },
  });
}

/** The Roman letters typed in Avro mode since the last word ended: `from…to` of `field`'s value. */
let pending: { field: TextField; from: number; to: number } | undefined;

// Keys that move the caret away from the word: it is finished first, as Avro Keyboard does.
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

function showPendingPreview(): void {
  const word = pending ? pending.field.value.slice(pending.from, pending.to) : '';
  if (!pending || document.activeElement !== pending.field || !isRomanRun(word)) {
    setAvroPreview(undefined);
    return;
  }
  const box = pending.field.getBoundingClientRect();
  setAvroPreview({ text: avroToBangla(word), left: box.left, top: box.top, bottom: box.bottom });
}

/** Converts the pending word of a plain field, if any (on leaving the field, moving the caret, saving). */
function commitPendingWord(): void {
  if (!pending) return;
  const { field, from, to } = pending;
  pending = undefined;
  setAvroPreview(undefined);
  const word = field.value.slice(from, to);
  if (!isRomanRun(word)) return;
  const converted = avroToBangla(word);
  if (converted === word) return;
  if (document.activeElement === field) {
    const caret = field.selectionStart ?? to;
    replaceRange(field, from, to, converted);
    const moved = caret >= to ? caret + converted.length - word.length : caret;
    field.setSelectionRange(moved, moved);
  } else {
    // The field has been left: change it without taking the focus back.
    field.setRangeText(converted, from, to, 'preserve');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function onInput(event: Event): void {
  const field = textFieldOf(event.target);
  if (!field) return;
  const input = event as InputEvent;
  const caret = field.selectionStart ?? 0;
  const data = input.data ?? '';
  if (avroModeOn() && !input.isComposing && input.inputType === 'insertText' && isRomanRun(data) && caret === field.selectionEnd) {
    if (pending?.field === field && pending.to === caret - data.length) pending.to = caret;
    else pending = { field, from: caret - data.length, to: caret };
  } else if (pending?.field === field && input.inputType === 'deleteContentBackward' && caret === pending.to - 1 && caret > pending.from) {
    pending.to = caret;
  } else if (pending?.field === field) {
    pending = undefined;
  }
  showPendingPreview();
}

function onKeyDown(event: KeyboardEvent): void {
  if (isAvroToggle(event)) {
    event.preventDefault();
    // A word begun in Avro is finished in Avro, here or in the body editor.
    commitPendingAvro();
    setAvroMode(!avroModeOn());
    return;
  }
  const field = textFieldOf(event.target);
  if (!field) return;
  if (pending?.field === field && CARET_KEYS.has(event.key)) commitPendingWord();
  if (isBijoySelectionShortcut(event)) {
    if (convertFieldSelection(field)) event.preventDefault();
    return;
  }
  if (!avroModeOn() || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
  const caret = field.selectionStart ?? 0;
  if (caret !== field.selectionEnd) return;
  const edit = avroEditAt(field.value.slice(0, caret), event.key);
  if (!edit) return;
  replaceRange(field, edit.from, caret, edit.insert);
  // Enter in a one-line field would submit before the app sees the converted word: the first
  // Enter only finishes the word, a second one submits.
  if (edit.consumesKey || (event.key === 'Enter' && field instanceof HTMLInputElement)) event.preventDefault();
}

/** Installs the listeners on `doc` (capture phase, before any field's own handlers); returns the uninstaller. */
export function installTextFieldInput(doc: Document): () => void {
  doc.addEventListener('paste', onPaste, true);
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('input', onInput, true);
  // Leaving the field, or a click that may move the caret, finishes the word being typed.
  const leave = (event: Event) => {
    if (pending && (event.type !== 'focusout' || event.target === pending.field)) commitPendingWord();
  };
  doc.addEventListener('focusout', leave, true);
  doc.addEventListener('pointerdown', leave, true);
  const unregister = registerAvroCommitter({ commit: commitPendingWord, pending: () => pending !== undefined });
  // Any later edit (typing here or anywhere, the editor too) ends the one-step undo.
  const hide = () => hideConversionNotice();
  doc.addEventListener('beforeinput', hide, true);
  return () => {
    doc.removeEventListener('paste', onPaste, true);
    doc.removeEventListener('keydown', onKeyDown, true);
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('focusout', leave, true);
    doc.removeEventListener('pointerdown', leave, true);
    unregister();
    doc.removeEventListener('beforeinput', hide, true);
  };
}
