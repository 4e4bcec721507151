import { type PromptConfig, promptSchema, type SurveyConfig, surveySchema } from '@uptake/sdk/protocol';
import type { ItemVersions } from './item-versions.js';

/** The studio's live items, in the order they were first saved. */
export interface LiveSnapshot {
  prompts: PromptConfig[];
  surveys: SurveyConfig[];
}

/** How often a collector looks for changes made by another collector on the same store, by default. */
export const defaultPollMs = 2000;

/**
 * The studio's live items, kept in memory so `GET /v1/config` reads no table for them. Read again
 * at once after a change this collector made (`refresh`), and when the store's count of versions
 * moves, which `watch` looks at every couple of seconds: that is how a change made on another
 * collector sharing a PostgreSQL store shows here (docs/DECISIONS.md says why polling, not LISTEN).
 * A failed read keeps serving the items last read.
 */
export class LiveItems {
  private snapshot: Promise<LiveSnapshot> | undefined;
  private good: LiveSnapshot | undefined;
  private seen = -1;

  constructor(
    private readonly versions: ItemVersions,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /** The live items: from memory, read from the store the first time. */
  current(): Promise<LiveSnapshot> {
    this.snapshot ??= this.load();
    return this.snapshot;
  }

  /** Reads the live items again now. */
  async refresh(): Promise<void> {
    this.snapshot = this.load();
    await this.snapshot;
  }

  /** Looks at the store's count of versions every `ms` and reads the items again when it moved; returns how to stop. */
  watch(ms = defaultPollMs): () => void {
    const look = async () => {
      if ((await this.versions.changeCount()) !== this.seen) await this.refresh();
    };
    // The store may be away for a while: the next look tries again.
    const timer = setInterval(() => void look().catch(() => undefined), ms);
    // Polling alone must not keep the process alive.
    timer.unref();
    return () => clearInterval(timer);
  }

  private async load(): Promise<LiveSnapshot> {
    try {
      // Counted before reading: a change in between moves the count past `seen`, and is read next time.
      const count = await this.versions.changeCount();
      const live = (await this.versions.latest()).filter((v) => v.status === 'live' && v.live !== null);
      const snapshot: LiveSnapshot = { prompts: [], surveys: [] };
      for (const v of live) {
        // Checked again by today's schema: an item saved under looser rules is left out, with a warning, rather than sent to browsers.
        const parsed = (v.kind === 'prompt' ? promptSchema : surveySchema).safeParse(v.live);
        if (!parsed.success) this.warn(`studio ${v.kind} "${v.id}" version ${v.liveVersion} is not valid any more and is not served`);
        else if (v.kind === 'prompt') snapshot.prompts.push(parsed.data as PromptConfig);
        else snapshot.surveys.push(parsed.data as SurveyConfig);
      }
      this.seen = count;
      this.good = snapshot;
      return snapshot;
    } catch (error) {
      if (this.good) return this.good;
      this.snapshot = undefined;
      throw error;
    }
  }
}
