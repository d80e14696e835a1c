/**
 * Report worker threads kept for a short while after a scan: the next scan in the same process
 * (a re-run of the report in the server after a fix, the next benchmark run) gets threads whose
 * parser is loaded and whose hot code is already optimised, instead of paying that start again.
 * Idle threads do not keep the process alive and are ended after IDLE_MS.
 */
import type { Worker } from 'node:worker_threads';

const IDLE_MS = 15_000;

const idle: Worker[] = [];
let reaper: NodeJS.Timeout | undefined;

/** `count` workers: idle ones first, then new ones from `start`. */
export function takeWorkers(count: number, start: () => Worker): Worker[] {
  const taken = idle.splice(0, count);
  for (const w of taken) w.ref();
  while (taken.length < count) taken.push(watched(start()));
  if (!idle.length) stopReaper();
  return taken;
}

/** Hands back workers that finished their job cleanly; they wait for the next scan. */
export function returnWorkers(workers: readonly Worker[]): void {
  for (const w of workers) {
    w.unref();
    idle.push(w);
  }
  stopReaper();
  reaper = setTimeout(() => void endIdleWorkers(), IDLE_MS);
  reaper.unref();
}

/** Ends the idle workers now (tests, shutdown). */
export async function endIdleWorkers(): Promise<void> {
  stopReaper();
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}

function stopReaper(): void {
  if (reaper) clearTimeout(reaper);
  reaper = undefined;
}

/** A worker that leaves the idle list if it dies there (its errors then have a listener too). */
function watched(w: Worker): Worker {
  const drop = (): void => {
    const i = idle.indexOf(w);
    if (i >= 0) idle.splice(i, 1);
  };
  w.on('error', drop);
  w.on('exit', drop);
  return w;
}
