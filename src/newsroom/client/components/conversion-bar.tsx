import { useEffect, useState } from 'preact/hooks';
import { onConversionNotice, type ConversionNotice } from '../input/conversion-notice.ts';
import { useT } from '../i18n/use-t.ts';

/** "বিজয় লেখা ইউনিকোডে রূপান্তর করা হয়েছে — ফিরিয়ে নিন", shown after a Bijoy paste. */
export function ConversionBar() {
  const t = useT();
  const [notice, setNotice] = useState<ConversionNotice | undefined>(undefined);
  useEffect(() => onConversionNotice(setNotice), []);
  if (!notice) return null;
  return (
    <div class="conversion-bar" role="status">
      <span>{t('bijoy.converted')} — </span>
      <button
        type="button"
        class="link-button"
        // Keep the caret where it was: the undo puts the original text back there.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => notice.undo()}
      >
        {t('bijoy.undo')}
      </button>
    </div>
  );
}
