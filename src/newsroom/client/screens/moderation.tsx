import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { IdPage, QueuedComment } from '../api-types.ts';
import { formatNumber, formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { href, onLinkClick } from '../router.ts';
import { ErrorBox } from '../components/error-box.tsx';
import {
  decisionsFor,
  keepShown,
  moveIndex,
  queueKey,
  QUEUE_STATUSES,
  toggleAll,
  toggleOne,
  type Decision,
  type QueueStatus,
} from '../moderation/queue-logic.ts';
import type { MessageKey } from '../i18n/translate.ts';

const DECISION_LABEL: Record<Decision, MessageKey> = { approve: 'comments.approve', reject: 'comments.reject', spam: 'comments.markSpam' };
const BULK_LABEL: Record<Decision, MessageKey> = { approve: 'comments.bulkApprove', reject: 'comments.bulkReject', spam: 'comments.bulkSpam' };

/** Sub-editors and above: the comment queue by state, decided one by one or in bulk. */
export function ModerationScreen() {
  const t = useT();
  const locale = useLocale();
  const [status, setStatus] = useState<QueueStatus>('pending');
  const [items, setItems] = useState<QueuedComment[]>([]);
  const [cursor, setCursor] = useState<number | string | null>(null);
  const [loading, setLoading] = useState(true);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState('');
  const listRef = useRef<HTMLOListElement>(null);

  const load = async (more: boolean) => {
    setLoading(true);
    try {
      const page = await api<IdPage<QueuedComment>>('GET', `/comments${query({ status, limit: 50, cursor: more ? cursor : null })}`);
      setItems((old) => (more ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setItems([]);
    setSelected(new Set());
    void load(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status]);

  const decide = async (ids: number[], decision: Decision) => {
    if (!ids.length || busy) return;
    setBusy(true);
    try {
      const answer =
        ids.length === 1
          ? await api<{ decided: number }>('POST', `/comments/${ids[0]}/${decision}`)
          : await api<{ decided: number }>('POST', '/comments/decide', { ids, action: decision });
      const rest = items.filter((c) => !ids.includes(c.id));
      setItems(rest);
      setSelected((old) =>
        keepShown(
          old,
          rest.map((c) => c.id),
        ),
      );
      setNotice(t(`comments.decided.${decision}`, { n: formatNumber(answer.decided, locale) }));
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const focusAt = (index: number) => {
    const rows = listRef.current?.querySelectorAll<HTMLElement>('li.comment');
    rows?.[index]?.focus();
  };

  const onKey = (event: KeyboardEvent, index: number, comment: QueuedComment) => {
    // Keys typed into a checkbox or button stay theirs (space, Enter).
    if (event.target !== event.currentTarget) return;
    const action = queueKey(event);
    if (!action) return;
    event.preventDefault();
    if ('move' in action) focusAt(moveIndex(index, action.move, items.length));
    else if ('toggle' in action) setSelected((old) => toggleOne(old, comment.id));
    else if (decisionsFor(status).includes(action.decide)) {
      void decide([comment.id], action.decide).then(() => focusAt(Math.min(index, items.length - 2)));
    }
  };

  const shownIds = items.map((c) => c.id);
  const allSelected = shownIds.length > 0 && shownIds.every((id) => selected.has(id));
  const chosen = shownIds.filter((id) => selected.has(id));
  return (
    <section>
      <div class="screen-head">
        <h1>{t('nav.comments')}</h1>
        <button type="button" class="button" onClick={() => void load(false)}>
          {t('common.refresh')}
        </button>
      </div>
      <div class="tabs" role="tablist" aria-label={t('comments.tabs')}>
        {QUEUE_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={s === status}
            class="tab"
            onClick={() => {
              setStatus(s);
              setNotice('');
            }}
          >
            {t(`comments.${s}`)}
          </button>
        ))}
      </div>
      <ErrorBox error={error} />
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      <p class="hint">{t('comments.keys')}</p>
      <div class="bulk-bar row wrap">
        <label class="check">
          <input type="checkbox" checked={allSelected} disabled={!items.length} onChange={() => setSelected(toggleAll(selected, shownIds))} />
          {t('comments.selectAll')}
        </label>
        <span class="count" aria-live="polite">
          {t('comments.selected', { n: formatNumber(chosen.length, locale) })} · {t('comments.shown', { n: formatNumber(items.length, locale) })}
        </span>
        {decisionsFor(status).map((d) => (
          <button
            key={d}
            type="button"
            class={`button ${d === 'approve' ? 'publish' : d === 'spam' ? 'danger' : ''}`}
            disabled={busy || !chosen.length}
            onClick={() => void decide(chosen, d)}
          >
            {t(BULK_LABEL[d])}
          </button>
        ))}
      </div>
      {!items.length && !loading && !error && <p class="hint">{t('comments.empty')}</p>}
      <ol class="comment-queue" ref={listRef}>
        {items.map((c, index) => (
          <CommentRow
            key={c.id}
            comment={c}
            status={status}
            selected={selected.has(c.id)}
            busy={busy}
            onToggle={() => setSelected((old) => toggleOne(old, c.id))}
            onDecide={(d) => void decide([c.id], d)}
            onKeyDown={(e) => onKey(e, index, c)}
          />
        ))}
      </ol>
      {loading && <p class="hint">{t('common.loading')}</p>}
      {cursor !== null && !loading && (
        <button type="button" class="button" onClick={() => void load(true)}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}

interface RowProps {
  comment: QueuedComment;
  status: QueueStatus;
  selected: boolean;
  busy: boolean;
  onToggle: () => void;
  onDecide: (decision: Decision) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/** One comment: who, when, the text (always as text), its article and, for a reply, what it answers. */
function CommentRow({ comment: c, status, selected, busy, onToggle, onDecide, onKeyDown }: RowProps) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  return (
    <li class={`comment panel ${selected ? 'selected' : ''}`} tabIndex={0} aria-label={`${c.name}: ${c.body.slice(0, 80)}`} onKeyDown={onKeyDown}>
      <div class="comment-head row wrap">
        <input type="checkbox" checked={selected} aria-label={t('comments.select', { name: c.name })} onChange={onToggle} />
        <strong class="comment-name">{c.name}</strong>
        <time class="hint" dateTime={c.createdAt}>
          {formatTime(c.createdAt, locale, settings.timeZone)}
        </time>
      </div>
      <p class="comment-article">
        {t('comments.on')}{' '}
        {c.article.url ? (
          <a class="comment-headline" href={c.article.url} target="_blank" rel="noopener">
            {c.article.headline}
          </a>
        ) : (
          <strong>{c.article.headline}</strong>
        )}
        {' · '}
        <a href={href(`/articles/${c.articleId}`)} onClick={(e) => onLinkClick(e, `/articles/${c.articleId}`)}>
          {t('comments.editArticle')}
        </a>
      </p>
      {c.parentBody !== null && (
        <blockquote class="comment-parent">
          <span class="hint">{t('comments.replyTo')}</span> {c.parentBody}
        </blockquote>
      )}
      <p class="comment-body">{c.body}</p>
      <div class="row wrap">
        {decisionsFor(status).map((d) => (
          <button
            key={d}
            type="button"
            class={`button ${d === 'approve' ? 'publish' : d === 'spam' ? 'danger' : ''}`}
            disabled={busy}
            onClick={() => onDecide(d)}
          >
            {t(DECISION_LABEL[d])}
          </button>
        ))}
      </div>
    </li>
  );
}
