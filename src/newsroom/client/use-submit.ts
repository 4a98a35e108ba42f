import { useState } from 'preact/hooks';

/**
 * A form's submit handler with its busy flag and error: the error is cleared when it starts and
 * set when the action throws. On success the form stays busy, since the screen is about to change.
 */
export function useSubmit(action: () => Promise<void>) {
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return { submit, busy, error };
}
