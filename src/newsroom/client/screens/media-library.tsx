import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Image } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { MediaGrid } from '../media/media-grid.tsx';
import { UploadForm } from '../media/upload-form.tsx';
import { thumbnailUrl } from '../media/media-thumb.ts';

/** Upload, browse and edit the caption, credit and alt text of images. */
export function MediaScreen() {
  const t = useT();
  const [added, setAdded] = useState<Image | null>(null);
  const [editing, setEditing] = useState<Image | null>(null);
  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.media')}</h1>
      </div>
      <div class="media-layout">
        <div class="panel">
          <h2>{t('media.upload')}</h2>
          <UploadForm onUploaded={(image) => setAdded(image)} />
          {editing && (
            <MetadataForm
              key={editing.id}
              image={editing}
              onSaved={(image) => {
                setEditing(image);
                setAdded(image);
              }}
            />
          )}
        </div>
        <div class="panel">
          <MediaGrid added={added} onChoose={setEditing} selectedId={editing?.id ?? null} />
        </div>
      </div>
    </section>
  );
}

function MetadataForm({ image, onSaved }: { image: Image; onSaved: (image: Image) => void }) {
  const t = useT();
  const [caption, setCaption] = useState(image.caption);
  const [credit, setCredit] = useState(image.credit);
  const [alt, setAlt] = useState(image.alt);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const answer = await api<{ image: Image }>('PATCH', `/media/${image.id}`, { caption, credit, alt });
      setError(undefined);
      setSaved(true);
      onSaved(answer.image);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="stack metadata-form" onSubmit={(event) => void submit(event)}>
      <h2>{t('media.edit')}</h2>
      <img class="metadata-preview" src={thumbnailUrl(image)} alt={image.alt} />
      <label>
        {t('media.caption')}
        <input
          type="text"
          value={caption}
          onInput={(e) => {
            setCaption(e.currentTarget.value);
            setSaved(false);
          }}
        />
      </label>
      <label>
        {t('media.credit')}
        <input
          type="text"
          value={credit}
          onInput={(e) => {
            setCredit(e.currentTarget.value);
            setSaved(false);
          }}
        />
      </label>
      <label>
        {t('media.alt')}
        <input
          type="text"
          value={alt}
          onInput={(e) => {
            setAlt(e.currentTarget.value);
            setSaved(false);
          }}
        />
      </label>
      <ErrorBox error={error} />
      <button class="button primary" type="submit">
        {t('common.save')}
      </button>
      {saved && (
        <p class="ok" role="status">
          {t('common.saved')}
        </p>
      )}
    </form>
  );
}
