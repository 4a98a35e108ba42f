import type { Editor } from '@tiptap/core';
import { useT } from '../i18n/use-t.ts';

/** Caption, credit and alt text of the selected inline image. */
export function ImagePanel({ editor, attrs }: { editor: Editor; attrs: Record<string, string> }) {
  const t = useT();
  const update = (key: 'caption' | 'credit' | 'alt', value: string) => {
    // Keep the node selected so the panel stays while typing.
    const pos = editor.state.selection.from;
    editor
      .chain()
      .updateAttributes('image', { [key]: value })
      .setNodeSelection(pos)
      .run();
  };
  return (
    <div class="image-panel" role="group" aria-label={t('editor.imageDetails')}>
      <label>
        {t('media.caption')}
        <input type="text" value={attrs.caption ?? ''} onInput={(e) => update('caption', e.currentTarget.value)} />
      </label>
      <label>
        {t('media.credit')}
        <input type="text" value={attrs.credit ?? ''} onInput={(e) => update('credit', e.currentTarget.value)} />
      </label>
      <label>
        {t('media.alt')}
        <input type="text" value={attrs.alt ?? ''} onInput={(e) => update('alt', e.currentTarget.value)} />
      </label>
    </div>
  );
}
