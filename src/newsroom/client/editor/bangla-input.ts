// Bengali input inside the body editor: Bijoy paste converted with a one-step undo, Bijoy → Unicode
// on the selection (Ctrl+Shift+B), and Avro mode's word-by-word conversion.
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction, type EditorState } from '@tiptap/pm/state';
import { closeHistory } from '@tiptap/pm/history';
import type { EditorView } from '@tiptap/pm/view';
import { bijoyToUnicode } from '../../../bangla/bijoy/bijoy-to-unicode.ts';
import { looksLikeBijoy } from '../../../bangla/bijoy/looks-like-bijoy.ts';
import { avroToBangla } from '../../../bangla/avro/avro-to-bangla.ts';
import { avroEditAt, endsAvroWord } from '../input/avro-edit.ts';
import { avroModeOn } from '../input/avro-mode.ts';
import { isRomanRun, registerAvroCommitter, setAvroPreview } from '../input/avro-pending.ts';
import { hideConversionNotice, showConversionNotice } from '../input/conversion-notice.ts';

/** Replaces the text of every text node between `from` and `to` by its conversion, marks kept. */
function convertTextBetween(state: EditorState, from: number, to: number, convert: (text: string) => string): Transaction {
  const tr = state.tr;
  const parts: Array<{ start: number; end: number; text: string }> = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    if (start < end) parts.push({ start, end, text: node.text!.slice(start - pos, end - pos) });
  });
  // Right to left, so earlier positions stay valid.
  for (const part of parts.reverse()) {
    const converted = convert(part.text);
    if (converted !== part.text) tr.insertText(converted, part.start, part.end);
  }
  return tr;
}

/** Converts the editor's selection from Bijoy to Unicode; false when nothing is selected. */
export function convertEditorSelection(editor: Editor): boolean {
  const { from, to, empty } = editor.state.selection;
  if (empty) return false;
  editor.view.dispatch(convertTextBetween(editor.state, from, to, bijoyToUnicode));
  return true;
}

function pasteBijoy(view: EditorView, text: string, paste: (text: string) => void): void {
  const start = view.state.selection.from;
  paste(text);
  const end = view.state.selection.to;
  // The conversion is its own history event: the first Ctrl+Z gives back the text as pasted.
  const tr = closeHistory(convertTextBetween(view.state, start, end, bijoyToUnicode));
  view.dispatch(tr);
  const converted = view.state.doc;
  showConversionNotice({
    undo: () => {
      // Only while nothing else has changed; otherwise undo would take back someone's typing.
      if (view.state.doc === converted) view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, tr.before.content));
      hideConversionNotice();
      view.focus();
    },
  });
}

function avroInput(view: EditorView, key: string): boolean {
  const { $from, empty } = view.state.selection;
  if (!empty || !$from.parent.isTextblock) return false;
  // Leaf nodes (line breaks) read as U+FFFC, which ends a word like any non-ASCII character.
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
  const edit = avroEditAt(before, key);
  if (!edit) return false;
  const from = $from.pos - (before.length - edit.from);
  const tr = view.state.tr.insertText(edit.insert, from, $from.pos);
  if (!edit.consumesKey && key === ' ') tr.insertText(' ');
  view.dispatch(tr);
  return edit.consumesKey || key === ' ';
}

/** The Roman letters typed in Avro mode since the last word ended, as document positions. */
interface Pending {
  from: number;
  to: number;
}
const pendingKey = new PluginKey<Pending | null>('avroPending');

function pendingWord(state: EditorState): { pending: Pending; word: string } | undefined {
  const pending = pendingKey.getState(state);
  if (!pending || pending.from >= pending.to || pending.to > state.doc.content.size) return undefined;
  const word = state.doc.textBetween(pending.from, pending.to, undefined, '\ufffc');
  return isRomanRun(word) ? { pending, word } : undefined;
}

/** The transaction that converts the pending word, or undefined when there is none. */
function commitTransaction(state: EditorState): Transaction | undefined {
  const found = pendingWord(state);
  if (!found) return pendingKey.getState(state) ? state.tr.setMeta(pendingKey, { clear: true }) : undefined;
  const converted = avroToBangla(found.word);
  const tr = state.tr.setMeta(pendingKey, { clear: true });
  if (converted !== found.word) tr.insertText(converted, found.pending.from, found.pending.to);
  return tr;
}

/** Types a Roman letter in Avro mode, remembering it as part of the pending word. */
function typeRoman(view: EditorView, from: number, to: number, text: string): void {
  view.dispatch(view.state.tr.insertText(text, from, to).setMeta(pendingKey, { typed: { from, to: from + text.length } }));
}

function showPreview(view: EditorView): void {
  const found = view.hasFocus() ? pendingWord(view.state) : undefined;
  if (!found) {
    setAvroPreview(undefined);
    return;
  }
  const box = view.coordsAtPos(found.pending.to);
  setAvroPreview({ text: avroToBangla(found.word), left: box.left, top: box.top, bottom: box.bottom });
}

export const BanglaInput = Extension.create({
  name: 'banglaInput',
  addKeyboardShortcuts() {
    return { 'Mod-Shift-b': ({ editor }) => convertEditorSelection(editor) };
  },
  addProseMirrorPlugins() {
    let pasting = false;
    return [
      new Plugin({
        key: new PluginKey('banglaInput'),
        props: {
          handlePaste(view, event) {
            if (pasting) return false;
            const text = event.clipboardData?.getData('text/plain') ?? '';
            if (!looksLikeBijoy(text)) return false;
            pasteBijoy(view, text, (original) => {
              pasting = true;
              try {
                view.pasteText(original);
              } finally {
                pasting = false;
              }
            });
            return true;
          },
          handleTextInput(view, from, to, text) {
            if (!avroModeOn()) return false;
            if (avroInput(view, text)) return true;
            if (from !== to || !isRomanRun(text) || endsAvroWord(text)) return false;
            typeRoman(view, from, to, text);
            return true;
          },
          handleKeyDown(view, event) {
            // Enter goes on to split the paragraph after the word is converted.
            if (event.key === 'Enter' && avroModeOn() && !event.isComposing && !event.shiftKey) avroInput(view, 'Enter');
            // Backspace within the pending word keeps it pending.
            const found = event.key === 'Backspace' && !event.ctrlKey && !event.altKey && !event.metaKey ? pendingWord(view.state) : undefined;
            const { empty, head } = view.state.selection;
            if (found && empty && head === found.pending.to && found.pending.to - found.pending.from > 1) {
              const { from, to } = found.pending;
              view.dispatch(view.state.tr.delete(to - 1, to).setMeta(pendingKey, { typed: { from, to: to - 1 } }));
              return true;
            }
            return false;
          },
          handleDOMEvents: {
            blur(view) {
              const tr = commitTransaction(view.state);
              if (tr) view.dispatch(tr);
              setAvroPreview(undefined);
              return false;
            },
          },
        },
      }),
      new Plugin<Pending | null>({
        key: pendingKey,
        state: {
          init: () => null,
          apply(tr, old) {
            const meta = tr.getMeta(pendingKey) as { typed?: Pending; clear?: boolean } | undefined;
            if (meta?.clear) return null;
            if (meta?.typed) return old && old.to === meta.typed.from ? { from: old.from, to: meta.typed.to } : meta.typed;
            // Anything else that changes the text ends the word as typed (space, Enter, paste…).
            return tr.docChanged ? null : old;
          },
        },
        // A caret moved away from the word (a click, an arrow key) finishes it first.
        appendTransaction(transactions, oldState, newState) {
          const old = pendingKey.getState(oldState);
          const now = pendingKey.getState(newState);
          if (!old || !now || transactions.some((tr) => tr.docChanged)) return null;
          const { empty, head } = newState.selection;
          if (empty && head === now.to) return null;
          return commitTransaction(newState) ?? null;
        },
        view(view) {
          const unregister = registerAvroCommitter({
            commit: () => {
              const tr = commitTransaction(view.state);
              if (tr) view.dispatch(tr);
            },
            pending: () => pendingWord(view.state) !== undefined,
          });
          return {
            update: (updated) => showPreview(updated),
            destroy: () => {
              unregister();
              setAvroPreview(undefined);
            },
          };
        },
      }),
    ];
  },
});
