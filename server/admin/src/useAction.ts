import { useState } from 'react';
import { errorMessage } from './api';

/**
 * A user action that calls the API: `busy` while it runs (for the button's spinner), `error` with
 * the API's message when it fails (shown beside the form), cleared on the next run.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, clearError: () => setError(null) };
}
