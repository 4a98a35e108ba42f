// Bengali input for every plain text field (input and textarea) in the app, installed once on the
// document: Bijoy paste is converted with a one-step undo, Ctrl+Shift+B converts a selection, and
// Avro mode converts each word as it is finished. The editor has its own (editor/bangla-input.ts).
import { bijoyToUnicode } from '../../../bangla/bijoy/bijoy-to-unicode.ts';
import { looksLikeBijoy } from '../../../bangla/bijoy/looks-like-bijoy.ts';
import { avroEditAt } from './avro-edit.ts';
import { avroModeOn, isAvroToggle, setAvroMode } from './avro-mode.ts';
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

function onKeyDown(event: KeyboardEvent): void {
  if (isAvroToggle(event)) {
    event.preventDefault();
    setAvroMode(!avroModeOn());
    return;
  }
  const field = textFieldOf(event.target);
  if (!field) return;
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
  // Any later edit (typing here or anywhere, the editor too) ends the one-step undo.
  const hide = () => hideConversionNotice();
  doc.addEventListener('beforeinput', hide, true);
  return () => {
    doc.removeEventListener('paste', onPaste, true);
    doc.removeEventListener('keydown', onKeyDown, true);
    doc.removeEventListener('beforeinput', hide, true);
  };
}
