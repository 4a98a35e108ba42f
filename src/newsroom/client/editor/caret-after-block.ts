import type { CommandProps } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';

/**
 * After inserting an image or embed, ProseMirror leaves it selected, so the next key typed (or
 * the next insertion) would replace it. Put the caret in the paragraph after it instead, adding
 * one when the block is the last thing in the body.
 */
export function caretAfterInsertedBlock({ tr, state }: CommandProps): boolean {
  const selection = tr.selection;
  if (!(selection instanceof NodeSelection)) return true;
  const after = selection.to;
  const next = tr.doc.resolve(after).nodeAfter;
  if (!next || !next.isTextblock) tr.insert(after, state.schema.nodes.paragraph!.create());
  tr.setSelection(TextSelection.create(tr.doc, after + 1));
  return true;
}
