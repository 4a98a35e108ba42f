import { api } from '../api.ts';
import type { Desk } from '../api-types.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { formatNumber } from '../format.ts';
import { useLoad } from '../use-load.ts';
import { navigate } from '../router.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { ItemList } from '../components/item-list.tsx';
import type { MessageKey } from '../i18n/translate.ts';

const COLUMNS: Array<[keyof Desk, MessageKey]> = [
  ['myDrafts', 'desk.myDrafts'],
  ['waitingForReview', 'desk.waitingForReview'],
  ['scheduled', 'desk.scheduled'],
  ['recentlyPublished', 'desk.recentlyPublished'],
];

/** The desk: my drafts, waiting for review, scheduled, recently published. */
export function DeskScreen() {
  const t = useT();
  const locale = useLocale();
  const desk = useLoad(() => api<Desk>('GET', '/desk'), []);
  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.desk')}</h1>
        <button type="button" class="button primary" onClick={() => navigate('/articles/new')}>
          {t('nav.newArticle')}
        </button>
        <button type="button" class="button" onClick={desk.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorBox error={desk.error} />
      <div class="desk-grid">
        {COLUMNS.map(([key, label]) => (
          <section class="panel" key={key} aria-labelledby={`desk-${key}`}>
            <h2 id={`desk-${key}`}>
              {t(label)} {desk.data && <span class="count">{formatNumber(desk.data[key].length, locale)}</span>}
            </h2>
            {desk.data ? <ItemList items={desk.data[key]} empty={t('desk.empty')} /> : <p class="hint">{desk.loading ? '…' : ''}</p>}
          </section>
        ))}
      </div>
    </section>
  );
}
