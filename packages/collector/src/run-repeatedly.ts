/**
 * Runs `task` now and every `everyMs`, never two runs at once (a tick that comes while one is still
 * going is skipped). `task` handles its own errors. The timer keeps no process alive. Returns the
 * stop function.
 */
export function runRepeatedly(task: () => Promise<void>, everyMs: number): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
