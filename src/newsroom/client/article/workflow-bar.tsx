import { useState } from 'preact/hooks';
import type { Article, User } from '../api-types.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { fieldErrorId, type FieldErrors } from '../errors/field-errors.ts';
import { FieldError } from '../components/field-error.tsx';
import { formatTime } from '../format.ts';
import { useSession } from '../session-context.ts';
import { can, canSubmitArticle } from '../roles.ts';
import { localInputToUtc, utcToLocalInput } from '../zoned-input.ts';
import { ScheduleInput } from './schedule-input.tsx';

export type WorkflowAction = 'submit' | 'publish' | 'unpublish' | 'delete' | { schedule: string };

interface Props {
  article: Article | null;
  user: User;
  editable: boolean;
  dirty: boolean;
  busy: boolean;
  /** Fields the server refused (`at`, the schedule time). */
  errors?: FieldErrors;
  significant: boolean;
  onSignificant: (value: boolean) => void;
  onSave: () => void;
  onAction: (action: WorkflowAction) => void;
}

/** Save and the workflow buttons this user's role allows for the article as it stands. */
export function WorkflowBar({ article, user, editable, dirty, busy, errors, significant, onSignificant, onSave, onAction }: Props) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  const inAnHour = utcToLocalInput(new Date(Date.now() + 3_600_000).toISOString(), settings.timeZone);
  const [when, setWhen] = useState(article?.scheduledAt ? utcToLocalInput(article.scheduledAt, settings.timeZone) : inAnHour);
  // A new article is the caller's own draft: the actions save it first, then act.
  const access = article ?? { status: 'draft' as const, ownerId: user.id };
  const status = access.status;
  const published = status === 'published';
  const scheduleAt = localInputToUtc(when, settings.timeZone);

  return (
    <div class="workflow">
      {editable && published && (
        <label class="check">
          <input type="checkbox" checked={significant} onChange={(e) => onSignificant(e.currentTarget.checked)} />
          {t('article.significantUpdate')}
        </label>
      )}
      <div class="row wrap">
        {editable && (
          <button type="button" class="button primary" disabled={busy} onClick={onSave}>
            {dirty ? t('article.save') : t('article.saved')}
          </button>
        )}
        {canSubmitArticle(user.role, user.id, access) && (
          <button type="button" class="button" disabled={busy} onClick={() => onAction('submit')}>
            {t('article.submit')}
          </button>
        )}
        {!published && can(user.role, 'article.publish') && (
          <button type="button" class="button publish" disabled={busy} onClick={() => onAction('publish')}>
            {t('article.publish')}
          </button>
        )}
        {(published || status === 'scheduled') && can(user.role, 'article.unpublish') && (
          <button type="button" class="button danger" disabled={busy} onClick={() => onAction('unpublish')}>
            {t('article.unpublish')}
          </button>
        )}
      </div>
      {!published && can(user.role, 'article.schedule') && (
        <div class="row wrap schedule">
          <ScheduleInput
            initial={when}
            legend={t('article.scheduleAt', { zone: settings.timeZone })}
            invalid={errors?.at !== undefined}
            describedBy={[errors?.at !== undefined ? fieldErrorId('at') : '', scheduleAt ? 'schedule-shown' : ''].filter(Boolean).join(' ')}
            onChange={setWhen}
          />
          <FieldError errors={errors} name="at" />
          {scheduleAt && (
            <output id="schedule-shown" class="schedule-shown" lang={locale}>
              {t('article.scheduleShown', { time: formatTime(scheduleAt, locale, settings.timeZone) })}
            </output>
          )}
          <button type="button" class="button" disabled={busy || !scheduleAt} onClick={() => scheduleAt && onAction({ schedule: scheduleAt })}>
            {t('article.schedule')}
          </button>
        </div>
      )}
      {article && can(user.role, 'article.delete') && (
        <button
          type="button"
          class="button ghost danger-text"
          disabled={busy}
          onClick={() => {
            if (confirm(t('article.confirmDelete'))) onAction('delete');
          }}
        >
          {t('article.delete')}
        </button>
      )}
    </div>
  );
}
