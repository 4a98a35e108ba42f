import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Image } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { ErrorBox } from '../components/error-box.tsx';

/** Upload one image with its caption, credit and alt text (multipart, as POST /media takes it). */
export function UploadForm({ onUploaded }: { onUploaded: (image: Image) => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [alt, setAlt] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    // Text fields first: a streaming multipart parser sees them before the file.
    form.append('caption', caption);
    form.append('credit', credit);
    form.append('alt', alt);
    form.append('file', file);
    setBusy(true);
    setError(undefined);
    try {
      const { image } = await api<{ image: Image }>('POST', '/media', form);
      onUploaded(image);
      setFile(null);
      setCaption('');
      setCredit('');
      setAlt('');
      (event.target as HTMLFormElement).reset();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="upload-form" onSubmit={(event) => void submit(event)}>
      <label>
        {t('media.file')}
        <input type="file" accept="image/jpeg,image/png,image/webp,image/gif" required onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </label>
      <label>
        {t('media.caption')}
        <input type="text" value={caption} onInput={(e) => setCaption(e.currentTarget.value)} />
      </label>
      <label>
        {t('media.credit')}
        <input type="text" value={credit} onInput={(e) => setCredit(e.currentTarget.value)} />
      </label>
      <label>
        {t('media.alt')}
        <input type="text" value={alt} onInput={(e) => setAlt(e.currentTarget.value)} />
      </label>
      <ErrorBox error={error} />
      <button class="button primary" type="submit" disabled={busy || !file}>
        {busy ? t('media.uploading') : t('media.upload')}
      </button>
    </form>
  );
}
