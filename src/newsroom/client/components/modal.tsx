import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/use-t.ts';

/** A modal dialog (the native <dialog>: focus is trapped and Escape closes it). */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ComponentChildren }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} class="modal" aria-label={title} onClose={onClose} onCancel={onClose}>
      <header class="modal-head">
        <h2>{title}</h2>
        <button type="button" class="button ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      <div class="modal-body">{children}</div>
    </dialog>
  );
}
