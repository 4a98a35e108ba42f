import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import type { Article, ArticleInput, Image } from '../api-types.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { can, canEditArticle } from '../roles.ts';
import { href, navigate, onLinkClick, replaceUrlQuietly, setNavigationGuard } from '../router.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { BodyEditor } from '../editor/body-editor.tsx';
import { articleInputOf, emptyArticleInput, inputsDiffer } from '../article/article-input.ts';
import { localCopyKey, readLocalCopy, removeLocalCopy, writeLocalCopy, type LocalCopy } from '../article/local-copy.ts';
import { commitPendingAvro, avroWordPending } from '../input/avro-pending.ts';
import { fieldErrorsOf, type FieldErrors, type RequestContext } from '../errors/field-errors.ts';
import { formatTime } from '../format.ts';
import { ArticleFields } from '../article/article-fields.tsx';
import { ArticleSide } from '../article/article-side.tsx';
import { WorkflowBar, type WorkflowAction } from '../article/workflow-bar.tsx';
import { Corrections } from '../article/corrections.tsx';
import { findImage } from '../media/find-image.ts';
import { PreviewLinkAction } from '../article/preview-link.tsx';

/** How often changes to a draft are saved without being asked. */
export const AUTOSAVE_MS = 10_000;
// Autosave writes only what is not on the site: a live (or scheduled) article changes when an editor saves it.
const AUTOSAVED = new Set(['draft', 'submitted', 'unpublished']);
// The order in which the form shows the fields a refusal can point at: the first is focused.
const FIELD_ORDER = [
  'kicker',
  'headline',
  'subheadline',
  'summary',
  'body',
  'sectionId',
  'byline',
  'districtId',
  'printPage',
  'tags',
  'imageCaption',
  'imageCredit',
  'imageAlt',
  'at',
];

/** Focuses the control of a field marked with `data-field` (the element itself or the first control in it). */
function focusField(name: string): void {
  const marked = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  const control = marked?.matches('input, select, textarea, [contenteditable="true"]')
    ? marked
    : marked?.querySelector<HTMLElement>('input, select, textarea, [contenteditable="true"]');
  control?.focus();
}

/** Writing and editing one article (new when `id` is undefined). */
export function ArticleScreen({ id }: { id: number | undefined }) {
  const t = useT();
  const locale = useLocale();
  const { user, settings } = useSession();
  const [article, setArticleState] = useState<Article | null>(null);
  const [input, setInputState] = useState<ArticleInput>(emptyArticleInput);
  const [image, setImage] = useState<Image | null>(null);
  const [dirty, setDirtyState] = useState(false);
  const [busy, setBusy] = useState(false);
  const [loading, setLoading] = useState(id !== undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [conflict, setConflictState] = useState(false);
  const [notice, setNotice] = useState('');
  const [significant, setSignificant] = useState(false);
  const [bodyKey, setBodyKey] = useState(0);
  const [preview, setPreview] = useState(false);
  const [offer, setOffer] = useState<LocalCopy | undefined>(undefined);
  // What the timers and the save read: the latest values, set at once (an Avro word committed just
  // before a save reaches the input through an event, before any re-render).
  const inputRef = useRef(input);
  const articleRef = useRef(article);
  const dirtyRef = useRef(false);
  const busyRef = useRef(false);
  const editableRef = useRef(false);
  const conflictRef = useRef(false);
  const setInput = (next: ArticleInput) => {
    inputRef.current = next;
    setInputState(next);
  };
  const setArticle = (next: Article) => {
    articleRef.current = next;
    setArticleState(next);
  };
  const setDirty = (value: boolean) => {
    dirtyRef.current = value;
    setDirtyState(value);
  };
  const setConflict = (value: boolean) => {
    conflictRef.current = value;
    setConflictState(value);
  };
  const copyKey = localCopyKey(user.id, article?.id ?? id);

  /** Takes the server's article as the state; the body editor is rebuilt only when asked. */
  const apply = (a: Article, rebuildBody: boolean) => {
    setArticle(a);
    setInput({ ...articleInputOf(a), body: rebuildBody ? a.body : inputRef.current.body });
    setImage(a.image);
    setDirty(false);
    setConflict(false);
    setSignificant(false);
    if (rebuildBody) setBodyKey((k) => k + 1);
  };

  /** Offers this browser's copy when it holds changes the server does not have; drops it otherwise. */
  const offerLocalCopy = (key: string, server: ArticleInput) => {
    const copy = readLocalCopy(key);
    if (copy && inputsDiffer(copy.input, server)) setOffer(copy);
    else if (copy) removeLocalCopy(key);
  };

  const load = async () => {
    // An article created on this screen has an id only after its first save.
    const current = articleRef.current?.id ?? id;
    if (current === undefined) {
      offerLocalCopy(localCopyKey(user.id, undefined), emptyArticleInput());
      return;
    }
    setLoading(true);
    try {
      const loaded = (await api<{ article: Article }>('GET', `/articles/${current}`)).article;
      apply(loaded, true);
      offerLocalCopy(localCopyKey(user.id, current), articleInputOf(loaded));
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- load again when another article is opened, not when load is remade
  useEffect(() => void load(), [id]);

  const restoreLocalCopy = (copy: LocalCopy) => {
    setInput(copy.input);
    setBodyKey((k) => k + 1);
    setDirty(true);
    setOffer(undefined);
  };
  const discardLocalCopy = () => {
    removeLocalCopy(copyKey);
    setOffer(undefined);
  };

  // Every change is kept in this browser until the server has it (a closed tab or a crash loses nothing).
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => writeLocalCopy(copyKey, { input, revision: article?.revision, savedAt: new Date().toISOString() }), 300);
    return () => clearTimeout(timer);
  }, [dirty, input, article?.revision, copyKey]);

  // In-app navigation asks first when there are unsaved changes.
  useEffect(() => setNavigationGuard(() => !dirtyRef.current || confirm(t('article.leaveUnsaved'))), [t]);

  // The lead image shown must be the one chosen; fetch it when only its id is known.
  useEffect(() => {
    const wanted = input.imageId;
    if (wanted === null || image?.id === wanted) return;
    let live = true;
    findImage(wanted).then(
      (found) => live && found && setImage(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [input.imageId, image?.id]);

  // Warn before leaving the page with unsaved changes. One listener for the screen's life, reading
  // the ref that every change sets at once: one added after each render that made the screen dirty
  // would miss a tab closed before the effect ran.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirtyRef.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const change = (patch: Partial<ArticleInput>) => {
    setInput({ ...inputRef.current, ...patch });
    setDirty(true);
    setNotice('');
    // A refused field that is being corrected is no longer marked.
    setFieldErrors((old) => {
      const left = Object.fromEntries(Object.entries(old).filter(([name]) => !(name in patch)));
      return Object.keys(left).length === Object.keys(old).length ? old : left;
    });
  };

  const fail = (err: unknown, context: RequestContext) => {
    setError(err);
    const fields = fieldErrorsOf(err, t, locale, context);
    setFieldErrors(fields);
    const first = FIELD_ORDER.find((name) => name in fields);
    // After the fields are marked and described, so a screen reader reads the message with the field.
    if (first) requestAnimationFrame(() => focusField(first));
  };

  /**
   * Saves what is on screen (creating the article the first time); undefined when it failed. The
   * word being typed in Avro mode is finished first, except by an autosave, which leaves the
   * person's typing alone and is not called while a word is pending.
   */
  const save = async (auto = false): Promise<Article | undefined> => {
    if (!auto) commitPendingAvro();
    setError(undefined);
    const sent = inputRef.current;
    const before = articleRef.current;
    const key = localCopyKey(user.id, before?.id);
    try {
      let saved: Article;
      if (!before) {
        saved = (await api<{ article: Article }>('POST', '/articles', sent)).article;
        replaceUrlQuietly(`/articles/${saved.id}`);
      } else {
        const body = { ...sent, revision: before.revision, ...(before.status === 'published' ? { significantUpdate: significant } : {}) };
        saved = (await api<{ article: Article }>('PUT', `/articles/${before.id}`, body)).article;
      }
      // The fields keep what is typed (the server trims; a word typed during the request stays).
      setArticle(saved);
      setImage(saved.image);
      setConflict(false);
      setSignificant(false);
      setFieldErrors({});
      const unchanged = inputRef.current === sent;
      setDirty(!unchanged);
      removeLocalCopy(key);
      if (!unchanged) writeLocalCopy(localCopyKey(user.id, saved.id), { input: inputRef.current, revision: saved.revision, savedAt: new Date().toISOString() });
      setNotice(auto ? t('article.autosaved', { time: formatTime(new Date().toISOString(), locale, settings.timeZone) }) : t('article.savedNotice'));
      return saved;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else if (!auto) fail(err, 'save');
      return undefined;
    }
  };

  const run = async (work: () => Promise<void>) => {
    busyRef.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const act = (action: WorkflowAction) =>
    run(async () => {
      commitPendingAvro();
      // Unsaved changes go with the action: publishing what is on screen, not the last save.
      const current = dirtyRef.current || !articleRef.current ? await save() : articleRef.current;
      if (!current) return;
      setError(undefined);
      const [path, body] = typeof action === 'object' ? ['schedule', { at: action.schedule }] : [action, undefined];
      try {
        if (action === 'delete') {
          await api('DELETE', `/articles/${current.id}`);
          removeLocalCopy(localCopyKey(user.id, current.id));
          navigate('/');
          return;
        }
        apply((await api<{ article: Article }>('POST', `/articles/${current.id}/${path}`, body)).article, false);
        setFieldErrors({});
        setNotice(t(`article.done.${path}` as 'article.done.publish'));
      } catch (err) {
        fail(err, path === 'schedule' ? 'schedule' : 'other');
      }
    });

  // Autosave: a draft with changes is saved every AUTOSAVE_MS; a new one once it has a headline.
  useEffect(() => {
    const timer = setInterval(() => {
      const current = articleRef.current;
      const wanted = current ? AUTOSAVED.has(current.status) : inputRef.current.headline.trim() !== '';
      if (!dirtyRef.current || busyRef.current || conflictRef.current || !wanted || avroWordPending()) return;
      if (current && !canEditArticle(user.role, user.id, current)) return;
      void run(async () => {
        await save(true);
      });
    }, AUTOSAVE_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the timer reads the refs; save is remade each render
  }, []);

  // Ctrl+S / ⌘S saves, as in every editor.
  const saveRef = useRef(() => undefined as unknown);
  saveRef.current = () =>
    void run(async () => {
      await save();
    });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!busyRef.current && editableRef.current) saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const addCorrection = async (text: string) => {
    if (!article) return false;
    try {
      apply((await api<{ article: Article }>('POST', `/articles/${article.id}/corrections`, { text })).article, false);
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };

  if (loading) return <p class="hint">…</p>;
  if (id !== undefined && !article) return <ErrorBox error={error ?? t('common.notFound')} />;

  const editable = article ? canEditArticle(user.role, user.id, article) : true;
  editableRef.current = editable;
  const previewUrl = article ? `/api/admin/articles/${article.id}/preview` : '';
  return (
    <section class="article-screen">
      <div class="screen-head">
        <h1>{article ? t('article.editTitle') : t('nav.newArticle')}</h1>
        {article && <StatusBadge status={article.status} />}
        {article && (
          <>
            <a class="button ghost" href={previewUrl} target="_blank" rel="noopener">
              {t('article.previewTab')}
            </a>
            <button type="button" class="button ghost" aria-pressed={preview} onClick={() => setPreview(!preview)}>
              {t('article.previewHere')}
            </button>
            <PreviewLinkAction articleId={article.id} />
            <a class="button ghost" href={href(`/articles/${article.id}/revisions`)} onClick={(e) => onLinkClick(e, `/articles/${article.id}/revisions`)}>
              {t('article.revisions')}
            </a>
            {article.url && article.status === 'published' && (
              <a class="button ghost" href={article.url} target="_blank" rel="noopener">
                {t('article.openOnSite')}
              </a>
            )}
          </>
        )}
      </div>
      {conflict && (
        <div class="error-box conflict" role="alert">
          <p>{t('article.conflict')}</p>
          <button type="button" class="button" onClick={() => void load()}>
            {t('article.reload')}
          </button>
        </div>
      )}
      {offer && (
        <div class="local-copy" role="alert">
          <p>{t('article.localCopy', { time: formatTime(offer.savedAt, locale, settings.timeZone) })}</p>
          <div class="row">
            <button type="button" class="button primary" onClick={() => restoreLocalCopy(offer)}>
              {t('article.restoreLocal')}
            </button>
            <button type="button" class="button ghost" onClick={discardLocalCopy}>
              {t('article.discardLocal')}
            </button>
          </div>
        </div>
      )}
      <ErrorBox error={error} />
      {dirty && article && !AUTOSAVED.has(article.status) && <p class="hint">{t('article.localCopyLive')}</p>}
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      {!editable && <p class="hint">{t('article.readOnly')}</p>}
      {preview && article && <iframe class="preview-frame" title={t('article.previewHere')} src={`${previewUrl}?v=${article.revision}`} />}
      <div class="article-layout">
        <div class="article-main">
          <ArticleFields input={input} disabled={!editable} errors={fieldErrors} autofocus={id === undefined} onChange={change} />
          <div data-field="body">
            <BodyEditor key={bodyKey} value={input.body} editable={editable} onChange={(body) => change({ body })} />
          </div>
        </div>
        <aside class="article-side">
          <WorkflowBar
            article={article}
            user={user}
            editable={editable}
            dirty={dirty || !article}
            busy={busy}
            errors={fieldErrors}
            significant={significant}
            onSignificant={setSignificant}
            onSave={() =>
              void run(async () => {
                await save();
              })
            }
            onAction={(a) => void act(a)}
          />
          <ArticleSide input={input} image={image} disabled={!editable} errors={fieldErrors} onChange={change} onImage={setImage} />
          {article && (
            <Corrections items={article.corrections} canAdd={article.status === 'published' && can(user.role, 'article.correct')} onAdd={addCorrection} />
          )}
        </aside>
      </div>
    </section>
  );
}
