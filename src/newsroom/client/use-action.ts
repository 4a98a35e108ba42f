import { useState } from 'preact/hooks';

/**
 * A screen's actions with one error box and one notice line: `run` clears the error, runs the
 * action, shows `notice` when it succeeds and the error when it throws.
 */
export function useAction() {
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState('');
  const run = async (action: () => Promise<unknown>, success = ''): Promise<void> => {
    try {
      await action();
      setError(undefined);
      if (success) setNotice(success);
    } catch (err) {
      setError(err);
    }
  };
  return { error, notice, setNotice, run };
}
