// Bengali input inside the body editor: Bijoy paste converted with a one-step undo, Bijoy → Unicode
// on the selection (Ctrl+Shift+B), and Avro mode's word-by-word conversion.
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction, type EditorState } from '@tiptap/pm/state';
import { closeHistory } from '@tiptap/pm/history';
import type { EditorView } from '@tiptap/pm/view';
import { bijoyToUnicode } from '../../../bangla/bijoy/bijoy-to-unicode.ts';
import { looksLikeBijoy } from '../../../bangla/bijoy/looks-like-bijoy.ts';
import { avroEditAt } from '../input/avro-edit.ts';
import { avroModeOn } from '../input/avro-mode.ts';
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
          handleTextInput(view, _from, _to, text) {
            return avroModeOn() && avroInput(view, text);
          },
          handleKeyDown(view, event) {
            // Enter goes on to split the paragraph after the word is converted.
            if (event.key === 'Enter' && avroModeOn() && !event.isComposing && !event.shiftKey) avroInput(view, 'Enter');
            return false;
          },
        },
      }),
    ];
  },
});
