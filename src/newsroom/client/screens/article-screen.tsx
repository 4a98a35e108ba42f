import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import type { Article, ArticleInput, Image } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import { useSession } from '../session-context.ts';
import { can, canEditArticle } from '../roles.ts';
import { href, navigate, onLinkClick, replaceUrlQuietly } from '../router.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { BodyEditor } from '../editor/body-editor.tsx';
import { articleInputOf, emptyArticleInput } from '../article/article-input.ts';
import { ArticleFields } from '../article/article-fields.tsx';
import { ArticleSide } from '../article/article-side.tsx';
import { WorkflowBar, type WorkflowAction } from '../article/workflow-bar.tsx';
import { Corrections } from '../article/corrections.tsx';
import { findImage } from '../media/find-image.ts';

/** Writing and editing one article (new when `id` is undefined). */
export function ArticleScreen({ id }: { id: number | undefined }) {
  const t = useT();
  const { user } = useSession();
  const [article, setArticle] = useState<Article | null>(null);
  const [input, setInput] = useState<ArticleInput>(emptyArticleInput);
  const [image, setImage] = useState<Image | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [loading, setLoading] = useState(id !== undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState('');
  const [significant, setSignificant] = useState(false);
  const [bodyKey, setBodyKey] = useState(0);
  const [preview, setPreview] = useState(false);

  /** Takes the server's article as the state; the body editor is rebuilt only when asked. */
  const apply = (a: Article, rebuildBody: boolean) => {
    setArticle(a);
    setInput((old) => ({ ...articleInputOf(a), body: rebuildBody ? a.body : old.body }));
    setImage(a.image);
    setDirty(false);
    setConflict(false);
    setSignificant(false);
    if (rebuildBody) setBodyKey((k) => k + 1);
  };

  const load = async () => {
    if (id === undefined) return;
    setLoading(true);
    try {
      apply((await api<{ article: Article }>('GET', `/articles/${id}`)).article, true);
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- load again when another article is opened, not when load is remade
  useEffect(() => void load(), [id]);

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

  // Warn before leaving the page with unsaved changes.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (patch: Partial<ArticleInput>) => {
    setInput((old) => ({ ...old, ...patch }));
    setDirty(true);
    setNotice('');
  };

  /** Saves (creating the article the first time); false when it failed. */
  const save = async (): Promise<Article | undefined> => {
    setError(undefined);
    try {
      if (!article) {
        const created = (await api<{ article: Article }>('POST', '/articles', input)).article;
        apply(created, false);
        replaceUrlQuietly(`/articles/${created.id}`);
        return created;
      }
      const body = { ...input, revision: article.revision, ...(article.status === 'published' ? { significantUpdate: significant } : {}) };
      const saved = (await api<{ article: Article }>('PUT', `/articles/${article.id}`, body)).article;
      apply(saved, false);
      setNotice(t('article.savedNotice'));
      return saved;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else setError(err);
      return undefined;
    }
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const act = (action: WorkflowAction) =>
    run(async () => {
      // Unsaved changes go with the action: publishing what is on screen, not the last save.
      const current = dirty || !article ? await save() : article;
      if (!current) return;
      setError(undefined);
      try {
        if (action === 'delete') {
          await api('DELETE', `/articles/${current.id}`);
          navigate('/');
          return;
        }
        const [path, body] = typeof action === 'object' ? ['schedule', { at: action.schedule }] : [action, undefined];
        apply((await api<{ article: Article }>('POST', `/articles/${current.id}/${path}`, body)).article, false);
        setNotice(t(`article.done.${path}` as 'article.done.publish'));
      } catch (err) {
        setError(err);
      }
    });

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
      <ErrorBox error={error} />
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      {!editable && <p class="hint">{t('article.readOnly')}</p>}
      {preview && article && <iframe class="preview-frame" title={t('article.previewHere')} src={`${previewUrl}?v=${article.revision}`} />}
      <div class="article-layout">
        <div class="article-main">
          <ArticleFields input={input} disabled={!editable} onChange={change} />
          <BodyEditor key={bodyKey} value={input.body} editable={editable} onChange={(body) => change({ body })} />
        </div>
        <aside class="article-side">
          <WorkflowBar
            article={article}
            user={user}
            editable={editable}
            dirty={dirty || !article}
            busy={busy}
            significant={significant}
            onSignificant={setSignificant}
            onSave={() =>
              void run(async () => {
                await save();
              })
            }
            onAction={(a) => void act(a)}
          />
          <ArticleSide input={input} image={image} disabled={!editable} onChange={change} onImage={setImage} />
          {article && (
            <Corrections items={article.corrections} canAdd={article.status === 'published' && can(user.role, 'article.correct')} onAdd={addCorrection} />
          )}
        </aside>
      </div>
    </section>
  );
}
