import { useState } from 'preact/hooks';
import type { Image } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { Modal } from '../components/modal.tsx';
import { MediaGrid } from './media-grid.tsx';
import { UploadForm } from './upload-form.tsx';

/** Choose an image from the library, or upload one and use it at once. */
export function MediaPicker({ onPick, onClose }: { onPick: (image: Image) => void; onClose: () => void }) {
  const t = useT();
  const [uploading, setUploading] = useState(false);
  return (
    <Modal title={t('media.pick')} onClose={onClose}>
      <details open={uploading} onToggle={(e) => setUploading(e.currentTarget.open)}>
        <summary>{t('media.uploadNew')}</summary>
        <UploadForm onUploaded={onPick} />
      </details>
      <MediaGrid onChoose={onPick} />
    </Modal>
  );
}
