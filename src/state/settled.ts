/**
 * Runs `work` once the page has loaded and then the main thread is idle, and at most `withinMs` after the load
 * event: for what the first screen does not need but the reader soon will (the offline copy, the lesson's later
 * steps). Started earlier, such work competes with the first screen for the network and, on a 2-core machine,
 * for the CPU. Returns a function that cancels it if it has not run yet.
 */
export function whenPageSettled(work: () => void, withinMs = 5000): () => void {
  let cancelled = false;
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (cancelled) return;
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(work, { timeout: withinMs });
    else timer = setTimeout(work, 1000);
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener('load', schedule);
    if (idle !== undefined) cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}
