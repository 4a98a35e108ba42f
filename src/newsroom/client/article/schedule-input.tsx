import { useState } from 'preact/hooks';
import { GREGORIAN_MONTHS_BN } from '../../../bangla/date-format.ts';
import type { Locale } from '../api-types.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { scheduleParts, scheduleValue, typedDigits, type ScheduleParts } from './schedule-parts.ts';

interface Props {
  /** The wall-clock time to start from, "YYYY-MM-DDTHH:mm". */
  initial: string;
  /** The legend: what the time is for, and its zone. */
  legend: string;
  invalid: boolean;
  /** Ids of the texts that describe every part (the refusal, the time read out). */
  describedBy: string | undefined;
  /** The wall-clock value, or '' while the parts are not a time. */
  onChange: (value: string) => void;
}

const EN_MONTHS = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, i, 1)));
const monthNames = (locale: Locale): readonly string[] => (locale === 'bn' ? GREGORIAN_MONTHS_BN : EN_MONTHS);

type NumberPart = 'day' | 'year' | 'hour' | 'minute';

/**
 * The schedule time in the house's order and digits (১৩ সেপ্টেম্বর ২০৩০, ০৪:৫৭ পিএম), a field per
 * part, instead of the browser's date picker, which draws the time in the browser's locale. Every
 * part is a plain text field or select: reached by Tab, typed in Bengali or ASCII digits.
 */
export function ScheduleInput({ initial, legend, invalid, describedBy, onChange }: Props) {
  const t = useT();
  const locale = useLocale();
  const [parts, setParts] = useState(() => scheduleParts(initial, locale));
  const update = (patch: Partial<ScheduleParts>) => {
    const next = { ...parts, ...patch };
    setParts(next);
    onChange(scheduleValue(next) ?? '');
  };
  const shared = { 'aria-invalid': invalid ? ('true' as const) : undefined, 'aria-describedby': describedBy || undefined };
  const number = (part: NumberPart, label: MessageKey, digits: number) => (
    <label class={`when-part when-${part}`}>
      {t(label)}
      <input
        type="text"
        inputMode="numeric"
        autocomplete="off"
        data-bangla="off"
        maxLength={digits}
        value={parts[part]}
        {...shared}
        onInput={(event) => {
          const field = event.currentTarget;
          const kept = typedDigits(field.value, digits, locale);
          if (field.value !== kept) field.value = kept;
          update({ [part]: kept });
        }}
        // The clock's parts are written with two digits (০৪:০৫), as the house format has them.
        onBlur={
          part === 'hour' || part === 'minute' ? () => parts[part].length === 1 && update({ [part]: typedDigits(`0${parts[part]}`, 2, locale) }) : undefined
        }
      />
    </label>
  );
  return (
    <fieldset class="when" data-field="at">
      <legend>{legend}</legend>
      <div class="when-date">
        {number('day', 'schedule.day', 2)}
        <label class="when-part when-month">
          {t('schedule.month')}
          <select value={parts.month} {...shared} onChange={(event) => update({ month: Number(event.currentTarget.value) })}>
            {monthNames(locale).map((name, i) => (
              <option key={i} value={i + 1}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {number('year', 'schedule.year', 4)}
      </div>
      <div class="when-time">
        {number('hour', 'schedule.hour', 2)}
        <span class="when-colon" aria-hidden="true">
          :
        </span>
        {number('minute', 'schedule.minute', 2)}
        <label class="when-part when-meridiem">
          {t('schedule.meridiem')}
          <select value={parts.pm ? 'pm' : 'am'} {...shared} onChange={(event) => update({ pm: event.currentTarget.value === 'pm' })}>
            <option value="am">{t('schedule.am')}</option>
            <option value="pm">{t('schedule.pm')}</option>
          </select>
        </label>
      </div>
    </fieldset>
  );
}
