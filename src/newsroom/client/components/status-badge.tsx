import type { ArticleStatus } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';

/** খসড়া, জমা, নির্ধারিত, প্রকাশিত, প্রত্যাহৃত — each in its own colour. */
export function StatusBadge({ status }: { status: ArticleStatus }) {
  const t = useT();
  return <span class={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
