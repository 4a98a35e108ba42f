import { useEffect, useState } from 'preact/hooks';
import { currentAvroPreview, onAvroPreview } from '../input/avro-pending.ts';
import { useT } from '../i18n/use-t.ts';

/** What the Roman word being typed in Avro mode will become, shown just below it until it is finished. */
export function AvroPreviewBox() {
  const t = useT();
  const [preview, setPreview] = useState(currentAvroPreview);
  useEffect(() => onAvroPreview(setPreview), []);
  if (!preview) return null;
  return (
    <div class="avro-preview" lang="bn" role="status" aria-label={t('avro.preview')} style={{ left: `${preview.left}px`, top: `${preview.bottom + 4}px` }}>
      {preview.text}
    </div>
  );
}
