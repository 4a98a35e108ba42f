import { useT } from '../i18n/use-t.ts';
import { diffWords } from './word-diff.ts';

/** One change as two lines, the older and the newer, with only the words that differ marked. */
export function ChangeSides({ before, after }: { before: string; after: string }) {
  const t = useT();
  const parts = diffWords(before, after);
  return (
    <>
      <p class="diff-side">
        <span class="diff-tag">{t('revisions.from')}</span>
        {parts.map((p, i) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? <del key={i}>{p.text}</del> : null))}
      </p>
      <p class="diff-side">
        <span class="diff-tag">{t('revisions.to')}</span>
        {parts.map((p, i) => (p.kind === 'same' ? p.text : p.kind === 'added' ? <ins key={i}>{p.text}</ins> : null))}
      </p>
    </>
  );
}
