import type { ComponentChildren } from 'preact';
import { useT } from '../i18n/use-t.ts';
import type { MessageKey } from '../i18n/translate.ts';

interface Props {
  /** Dictionary keys of the column headings; '' for a column without one (actions). */
  headings: Array<MessageKey | ''>;
  className?: string;
  children: ComponentChildren;
}

/** The newsroom's tables: scrolls sideways inside itself on a phone, headings translated. */
export function DataTable({ headings, className, children }: Props) {
  const t = useT();
  return (
    <div class="table-wrap">
      <table class={className ? `table ${className}` : 'table'}>
        <thead>
          <tr>{headings.map((key, i) => (key ? <th key={key}>{t(key)}</th> : <th key={`empty-${i}`} />))}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
