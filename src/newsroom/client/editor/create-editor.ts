import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { Doc } from '../../../content/document/document-types.ts';
import { documentToTiptap } from '../body/tiptap-document.ts';
import { BanglaInput } from './bangla-input.ts';
import { BodyEmbed, BodyImage } from './body-nodes.ts';

/** A Tiptap editor limited to what the body document model can hold. */
export function createBodyEditor(
  element: HTMLElement,
  doc: Doc,
  options: { editable: boolean; label: string; onUpdate: () => void; onTransaction: () => void },
): Editor {
  return new Editor({
    element,
    editable: options.editable,
    // The styles live in styles/editor.css: an injected <style> would need a CSP exception.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        // Not in the document model: the server would refuse them.
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https', HTMLAttributes: { rel: 'noopener noreferrer', target: null } },
      }),
      BodyImage,
      BodyEmbed,
      BanglaInput,
    ],
    content: documentToTiptap(doc),
    editorProps: {
      // Alt+F10 goes to the toolbar (BodyToolbar): in a list, Shift+Tab lifts the item instead of leaving.
      attributes: {
        class: 'body-editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': options.label,
        'aria-keyshortcuts': 'Alt+F10',
        spellcheck: 'false',
      },
    },
    onUpdate: options.onUpdate,
    onTransaction: options.onTransaction,
  });
}
