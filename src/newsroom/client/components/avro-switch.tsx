import { useEffect, useState } from 'preact/hooks';
import { avroModeOn, onAvroModeChange, setAvroMode } from '../input/avro-mode.ts';
import { commitPendingAvro } from '../input/avro-pending.ts';
import { useT } from '../i18n/use-t.ts';

/** Shows whether Avro phonetic typing is on; a click (or Ctrl+M / F12 anywhere) switches it. */
export function AvroSwitch() {
  const t = useT();
  const [on, setOn] = useState(avroModeOn());
  useEffect(() => onAvroModeChange(setOn), []);
  return (
    <button
      type="button"
      class={`avro-switch ${on ? 'on' : ''}`}
      aria-pressed={on}
      title={t('avro.hint')}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        // A word begun in Avro is finished in Avro.
        commitPendingAvro();
        setAvroMode(!on);
      }}
    >
      {on ? t('avro.on') : t('avro.off')}
    </button>
  );
}
