import cliProgress from 'cli-progress';

/** Progress of a long CLI task: a bar on a terminal, nothing otherwise (the command prints a summary line). */
export interface Progress {
  /** Sets how much is done, in the bar's unit. */
  update(done: number): void;
  /** Sets the total once it is known (a download's length, say). */
  setTotal(total: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, setTotal: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr when stderr is a terminal: with a total, a bar with percentage and time
 * left; without one yet, a running count. Scripts and CI (no terminal) get no redraw noise.
 */
export function startProgress(label: string, unit: string, total = 0, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return silent;
  const withTotal = `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`;
  const counting = `${label} {value} ${unit} | {duration_formatted}`;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: (options, params, payload) =>
        cliProgress.Format.Formatter({ ...options, format: params.total > 0 ? withTotal : counting }, params, payload),
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), setTotal: (t) => bar.setTotal(t), stop: () => bar.stop() };
}
