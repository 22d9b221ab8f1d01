import { useEffect, useState } from 'react';

/** Calls `tick` every `ms` while `active` (live vote counts, the check-in screen), not while the tab is hidden. */
export function usePolling(tick: () => unknown, ms: number, active = true): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') tick();
    }, ms);
    return () => clearInterval(timer);
  }, [tick, ms, active]);
}

/** The current time, re-read every `ms` (countdowns). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
