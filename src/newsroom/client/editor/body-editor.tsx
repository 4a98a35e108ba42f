import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Doc } from '../../../content/document/document-types.ts';
import { tiptapToDocument, type TiptapNode } from '../body/tiptap-document.ts';
import { useT } from '../i18n/use-t.ts';
import { createBodyEditor } from './create-editor.ts';
import { BodyToolbar } from './body-toolbar.tsx';
import { ImagePanel } from './image-panel.tsx';

interface Props {
  value: Doc;
  editable: boolean;
  onChange: (doc: Doc) => void;
}

/** The article body: Tiptap with a toolbar; reports every change as a server document. */
export function BodyEditor({ value, editable, onChange }: Props) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [, setTick] = useState(0);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const created = createBodyEditor(host.current!, value, {
      editable,
      label: t('article.body'),
      onUpdate: () => onChangeRef.current(tiptapToDocument(created.getJSON() as TiptapNode)),
      // Redraw the toolbar so its pressed states follow the selection.
      onTransaction: () => setTick((n) => n + 1),
    });
    setEditor(created);
    return () => created.destroy();
    // The editor is made once per article; the parent remounts this for another article.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // false: no 'update' event, which would count as an edit of the body.
    editor?.setEditable(editable, false);
  }, [editor, editable]);

  const selection = editor?.state.selection;
  const image = selection instanceof NodeSelection && selection.node.type.name === 'image' ? selection.node : null;
  return (
    <div class="body-field">
      {editor && editable && <BodyToolbar editor={editor} />}
      {editor && editable && image && <ImagePanel editor={editor} attrs={image.attrs} />}
      <div ref={host} class="body-host" />
    </div>
  );
}
