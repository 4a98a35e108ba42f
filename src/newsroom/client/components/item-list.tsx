import type { Item } from '../api-types.ts';
import { formatTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { href, onLinkClick } from '../router.ts';
import { useSession } from '../session-context.ts';
import { StatusBadge } from './status-badge.tsx';

/** The time that matters for an item in its state. */
function itemTime(item: Item): string | null {
  if (item.status === 'scheduled') return item.scheduledAt;
  if (item.status === 'published') return item.publishedAt;
  return item.modifiedAt;
}

/** A dense list of articles: status, kicker / headline (a link to the editor), section, owner, time. */
export function ItemList({ items, empty }: { items: Item[]; empty: string }) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useSession();
  if (!items.length) return <p class="hint">{empty}</p>;
  return (
    <ul class="item-list">
      {items.map((item) => (
        <li key={item.id}>
          <StatusBadge status={item.status} />
          {item.breaking && <span class="badge badge-breaking">{t('article.breaking')}</span>}
          <a class="item-title" href={href(`/articles/${item.id}`)} onClick={(e) => onLinkClick(e, `/articles/${item.id}`)}>
            {item.kicker && <span class="kicker">{item.kicker} / </span>}
            {item.headline || <em>{t('article.untitled')}</em>}
          </a>
          <span class="item-meta">{[item.sectionName, item.ownerName, formatTime(itemTime(item), locale, settings.timeZone)].filter(Boolean).join(' · ')}</span>
        </li>
      ))}
    </ul>
  );
}
