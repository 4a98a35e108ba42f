import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { Image, Page } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { bareCredit } from '../../../bangla/photo-credit.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { thumbnailUrl } from './media-thumb.ts';

interface Props {
  /** Called with the image chosen (a click or Enter on its tile). */
  onChoose: (image: Image) => void;
  /** An image to put first (just uploaded). */
  added?: Image | null;
  selectedId?: number | null;
}

/** The media library as a grid, newest first, searchable, with "more". */
export function MediaGrid({ onChoose, added, selectedId }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Image[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const load = async (more: boolean) => {
    try {
      const page = await api<Page<Image>>('GET', `/media${query({ q, cursor: more ? cursor : null })}`);
      setItems((old) => (more ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };

  useEffect(() => {
    const timer = setTimeout(() => void load(false), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  useEffect(() => {
    if (added) setItems((old) => [added, ...old.filter((i) => i.id !== added.id)]);
  }, [added]);

  return (
    <div class="media-grid-wrap">
      <label class="search">
        {t('media.search')}
        <input type="search" value={q} placeholder={t('media.searchHint')} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      <ErrorBox error={error} />
      {!items.length && !error && <p class="hint">{t('media.empty')}</p>}
      <ul class="media-grid">
        {items.map((image) => (
          <li key={image.id}>
            <button type="button" class={`media-tile ${image.id === selectedId ? 'selected' : ''}`} onClick={() => onChoose(image)}>
              <img src={thumbnailUrl(image)} alt={image.alt} width={image.width} height={image.height} loading="lazy" />
              <span class="media-caption">{image.caption || t('media.noCaption')}</span>
              {image.credit && <span class="media-credit">{t('media.creditLine', { credit: bareCredit(image.credit) })}</span>}
            </button>
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" class="button" onClick={() => void load(true)}>
          {t('common.more')}
        </button>
      )}
    </div>
  );
}
