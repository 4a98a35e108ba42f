import { useState } from 'preact/hooks';
import type { ArticleInput, Image } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { bareCredit } from '../../../bangla/photo-credit.ts';
import { MediaPicker } from '../media/media-picker.tsx';
import { thumbnailUrl } from '../media/media-thumb.ts';
import { overrideValue } from './article-input.ts';

type LeadFields = Pick<ArticleInput, 'imageId' | 'imageCaption' | 'imageCredit' | 'imageAlt'>;

interface Props {
  value: LeadFields;
  image: Image | null;
  disabled: boolean;
  onChange: (fields: LeadFields, image: Image | null) => void;
}

/** The lead image from the library (or uploaded), with this article's own caption, credit and alt. */
export function LeadImage({ value, image, disabled, onChange }: Props) {
  const t = useT();
  const [picking, setPicking] = useState(false);
  const set = (patch: Partial<LeadFields>) => onChange({ ...value, ...patch }, image);
  return (
    <fieldset class="lead-image">
      <legend>{t('article.leadImage')}</legend>
      {image ? (
        <figure>
          <img src={thumbnailUrl(image, 480)} alt={image.alt} width={image.width} height={image.height} />
          <figcaption>
            {image.caption}
            {image.credit && ` — ${t('media.creditLine', { credit: bareCredit(image.credit) })}`}
          </figcaption>
        </figure>
      ) : (
        <p class="hint">{t('article.noImage')}</p>
      )}
      {!disabled && (
        <div class="row">
          <button type="button" class="button" onClick={() => setPicking(true)}>
            {image ? t('article.changeImage') : t('article.chooseImage')}
          </button>
          {image && (
            <button type="button" class="button ghost" onClick={() => onChange({ imageId: null, imageCaption: null, imageCredit: null, imageAlt: null }, null)}>
              {t('article.removeImage')}
            </button>
          )}
        </div>
      )}
      {image && (
        <div class="grid-3">
          <label>
            {t('article.imageCaption')}
            <input
              type="text"
              disabled={disabled}
              placeholder={image.caption}
              value={value.imageCaption ?? ''}
              onInput={(e) => set({ imageCaption: overrideValue(e.currentTarget.value) })}
            />
          </label>
          <label>
            {t('article.imageCredit')}
            <input
              type="text"
              disabled={disabled}
              placeholder={image.credit}
              value={value.imageCredit ?? ''}
              onInput={(e) => set({ imageCredit: overrideValue(e.currentTarget.value) })}
            />
          </label>
          <label>
            {t('article.imageAlt')}
            <input
              type="text"
              disabled={disabled}
              placeholder={image.alt}
              value={value.imageAlt ?? ''}
              onInput={(e) => set({ imageAlt: overrideValue(e.currentTarget.value) })}
            />
          </label>
        </div>
      )}
      {picking && (
        <MediaPicker
          onClose={() => setPicking(false)}
          onPick={(chosen) => {
            setPicking(false);
            onChange({ ...value, imageId: chosen.id }, chosen);
          }}
        />
      )}
    </fieldset>
  );
}
