import { useEffect } from 'preact/hooks';
import { api } from './api.ts';
import type { Locale, User } from './api-types.ts';
import { useT } from './i18n/use-t.ts';
import { can } from './roles.ts';
import { href, onLinkClick, useRoute } from './router.ts';
import { useSession } from './session-context.ts';
import { AvroSwitch } from './components/avro-switch.tsx';
import { LanguageSwitch } from './components/language-switch.tsx';
import { DeskScreen } from './screens/desk.tsx';
import { ArticleScreen } from './screens/article-screen.tsx';
import { ArticleListScreen } from './screens/article-list.tsx';
import { RevisionsScreen } from './screens/revisions.tsx';
import { HomeScreen } from './screens/home-curation.tsx';
import { MediaScreen } from './screens/media-library.tsx';
import { UsersScreen } from './screens/users.tsx';
import { WebhooksScreen } from './screens/webhooks.tsx';
import { TokensScreen } from './screens/tokens.tsx';
import { SettingsScreen } from './screens/settings.tsx';
import { ModerationScreen } from './screens/moderation.tsx';
import { CommentSettingsScreen } from './screens/comment-settings.tsx';
import { AuditScreen } from './screens/audit-log.tsx';
import { RedirectsScreen } from './screens/redirects.tsx';
import { SectionsScreen } from './screens/sections.tsx';
import { PeopleScreen } from './screens/people.tsx';
import type { MessageKey } from './i18n/translate.ts';

interface NavItem {
  path: string;
  label: MessageKey;
  show: (user: User) => boolean;
}

const NAV: NavItem[] = [
  { path: '/', label: 'nav.desk', show: () => true },
  { path: '/articles', label: 'nav.articles', show: () => true },
  { path: '/articles/new', label: 'nav.newArticle', show: () => true },
  { path: '/home', label: 'nav.home', show: (u) => can(u.role, 'home.curate') },
  { path: '/comments', label: 'nav.comments', show: (u) => can(u.role, 'comment.moderate') },
  { path: '/comments/settings', label: 'nav.commentSettings', show: (u) => can(u.role, 'comment.moderate') },
  { path: '/media', label: 'nav.media', show: () => true },
  { path: '/sections', label: 'nav.sections', show: (u) => can(u.role, 'section.manage') },
  { path: '/people', label: 'nav.people', show: (u) => can(u.role, 'person.manage') },
  { path: '/users', label: 'nav.users', show: (u) => can(u.role, 'user.manage') },
  { path: '/tokens', label: 'nav.tokens', show: (u) => can(u.role, 'token.manage') },
  { path: '/redirects', label: 'nav.redirects', show: (u) => can(u.role, 'redirect.manage') },
  { path: '/webhooks', label: 'nav.webhooks', show: (u) => can(u.role, 'webhook.manage') },
  { path: '/audit', label: 'nav.audit', show: (u) => can(u.role, 'audit.read') },
  { path: '/settings', label: 'nav.settings', show: (u) => can(u.role, 'settings.manage') },
];

// The editor's screens, where the skip link goes to the headline.
const EDITOR_PATH = /^\/articles\/(new|\d+)$/;

function screenFor(path: string, visit: number) {
  if (path === '/' || path === '') return <DeskScreen />;
  if (path === '/articles') return <ArticleListScreen />;
  if (path === '/articles/new') return <ArticleScreen key={`new-${visit}`} id={undefined} />;
  let m = /^\/articles\/(\d+)$/.exec(path);
  if (m) return <ArticleScreen key={m[1]} id={Number(m[1])} />;
  m = /^\/articles\/(\d+)\/revisions$/.exec(path);
  if (m) return <RevisionsScreen id={Number(m[1])} />;
  if (path === '/home') return <HomeScreen />;
  if (path === '/media') return <MediaScreen />;
  if (path === '/users') return <UsersScreen />;
  if (path === '/tokens') return <TokensScreen />;
  if (path === '/webhooks') return <WebhooksScreen />;
  if (path === '/settings') return <SettingsScreen />;
  if (path === '/comments') return <ModerationScreen />;
  if (path === '/comments/settings') return <CommentSettingsScreen />;
  if (path === '/audit') return <AuditScreen />;
  if (path === '/redirects') return <RedirectsScreen />;
  if (path === '/sections') return <SectionsScreen />;
  if (path === '/people') return <PeopleScreen />;
  return null;
}

/** The signed-in frame: top bar (navigation, Avro state, language, user) and the current screen. */
export function Shell() {
  const t = useT();
  const { path, visit } = useRoute();
  const { user, setUser, signOut, settings } = useSession();

  const changeLocale = async (locale: Locale) => {
    const before = user;
    setUser({ ...user, locale }); // applied at once; put back if the server refuses
    try {
      const answer = await api<{ user: User }>('PATCH', `/users/${user.id}`, { locale });
      setUser(answer.user);
    } catch {
      setUser(before);
    }
  };

  const screen = screenFor(path, visit);
  // A new screen (and the first one after sign-in) takes the focus to its heading, or to the field
  // it asks to start in, once they are drawn; unless the person has already moved into the screen.
  useEffect(() => focusScreenStart(), [path, visit]);
  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={(event) => skipToMain(event)}>
        {t(EDITOR_PATH.test(path) ? 'article.skipToHeadline' : 'app.skipToMain')}
      </a>
      <header class="topbar">
        <a class="brand" href={href('/')} onClick={(e) => onLinkClick(e, '/')}>
          {settings.siteName} <span>{t('app.newsroom')}</span>
        </a>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((item) => item.show(user)).map((item) => (
              <li key={item.path}>
                <a href={href(item.path)} aria-current={path === item.path ? 'page' : undefined} onClick={(e) => onLinkClick(e, item.path)}>
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="topbar-tools">
          <AvroSwitch />
          <LanguageSwitch locale={user.locale} onChange={(value) => void changeLocale(value)} />
          <span class="who" title={user.email}>
            {user.name} · {t(`role.${user.role}`)}
          </span>
          <button type="button" class="button ghost" onClick={() => void signOut()}>
            {t('signin.signOut')}
          </button>
        </div>
      </header>
      <main class="screen" id="main" tabIndex={-1}>
        {screen ?? <p class="hint">{t('common.notFound')}</p>}
      </main>
    </div>
  );
}

/** Where a screen starts: its main heading (a screen that wants a field first focuses it itself). */
function screenStart(main: HTMLElement): HTMLElement | null {
  return main.querySelector<HTMLElement>('h1');
}

function focusScreenStart(): void {
  const main = document.getElementById('main');
  if (!main) return;
  const moved = () => main.contains(document.activeElement) && document.activeElement !== main;
  const tryFocus = (): boolean => {
    if (moved()) return true;
    const start = screenStart(main);
    if (!start) return false;
    start.tabIndex = -1;
    start.focus({ preventScroll: true });
    return true;
  };
  if (tryFocus()) return;
  // A screen that loads first draws its heading a moment later.
  const observer = new MutationObserver(() => {
    if (tryFocus()) observer.disconnect();
  });
  observer.observe(main, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 5_000);
}

/** The skip link: to the screen's first field when it names one (the headline), else to the screen. */
function skipToMain(event: MouseEvent): void {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  const target = main.querySelector<HTMLElement>('[data-skip-target]:not(:disabled)') ?? main;
  target.focus();
}
