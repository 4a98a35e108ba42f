import type { ArticleInput, Image } from '../api-types.ts';
import type { FieldErrors } from '../errors/field-errors.ts';
import { FieldError, fieldAttrs } from '../components/field-error.tsx';
import { useT } from '../i18n/use-t.ts';
import { SectionSelect } from './section-select.tsx';
import { BylinePicker } from './byline-picker.tsx';
import { DistrictSelect } from './district-select.tsx';
import { TagInput } from './tag-input.tsx';
import { LeadImage } from './lead-image.tsx';

interface Props {
  input: ArticleInput;
  image: Image | null;
  disabled: boolean;
  errors?: FieldErrors;
  onChange: (patch: Partial<ArticleInput>) => void;
  onImage: (image: Image | null) => void;
}

/** Section, byline, place, edition, tags, lead image and the breaking flag. */
export function ArticleSide({ input, image, disabled, errors, onChange, onImage }: Props) {
  const t = useT();
  return (
    <div class="stack article-side-fields">
      <SectionSelect value={input.sectionId} disabled={disabled} errors={errors} onChange={(sectionId) => onChange({ sectionId })} />
      <div data-field="byline" class="stack">
        <BylinePicker
          value={input.byline}
          disabled={disabled}
          onChange={(byline, person) => {
            // A correspondent's district is where the story is from, unless the desk chose one.
            const district = byline.kind === 'correspondent' && person?.districtId && input.districtId === null ? { districtId: person.districtId } : {};
            onChange({ byline, ...district });
          }}
        />
        <FieldError errors={errors} name="byline" />
      </div>
      <DistrictSelect value={input.districtId} disabled={disabled} onChange={(districtId) => onChange({ districtId })} />
      <fieldset>
        <legend>{t('article.edition')}</legend>
        <div class="row wrap">
          <label class="check">
            <input
              type="radio"
              name="edition"
              disabled={disabled}
              checked={input.edition === 'online'}
              onChange={() => onChange({ edition: 'online', printPage: null })}
            />
            {t('article.online')}
          </label>
          <label class="check">
            <input type="radio" name="edition" disabled={disabled} checked={input.edition === 'print'} onChange={() => onChange({ edition: 'print' })} />
            {t('article.print')}
          </label>
          {input.edition === 'print' && (
            <label class="inline">
              {t('article.printPage')}
              <input
                type="number"
                min={1}
                max={200}
                class="narrow"
                disabled={disabled}
                value={input.printPage ?? ''}
                {...fieldAttrs(errors, 'printPage')}
                onInput={(e) => onChange({ printPage: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
              />
            </label>
          )}
          {input.edition === 'print' && <FieldError errors={errors} name="printPage" />}
        </div>
      </fieldset>
      <TagInput value={input.tags} disabled={disabled} onChange={(tags) => onChange({ tags })} />
      <LeadImage
        value={{ imageId: input.imageId, imageCaption: input.imageCaption, imageCredit: input.imageCredit, imageAlt: input.imageAlt }}
        image={image}
        disabled={disabled}
        onChange={(fields, chosen) => {
          onChange(fields);
          onImage(chosen);
        }}
      />
      <label class="check breaking">
        <input type="checkbox" disabled={disabled} checked={input.breaking} onChange={(e) => onChange({ breaking: e.currentTarget.checked })} />
        {t('article.breakingFlag')}
      </label>
    </div>
  );
}
