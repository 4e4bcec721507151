import type { PromptConfig, SurveyConfig } from '@uptake/sdk/protocol';
import { matchesEtag } from './matches-etag.js';
import { StudioError } from './studio-error.js';
import type { ItemVersions } from './item-versions.js';
import type { LiveItems, LiveSnapshot } from './live-items.js';
import { parseItem } from './parse-item.js';
import { type PreviewClaim, previewCode, previewLifetimeMs, readPreviewCode } from './preview-code.js';
import {
  type ItemBody,
  type ItemChange,
  type ItemKind,
  type ItemSummary,
  type ItemView,
  type ItemVersion,
  itemEtag,
  itemTitle,
  sameItem,
  summary,
} from './studio-item.js';

/** The studio's secret and clock. */
export interface StudioOptions {
  /** The key preview codes are signed with (kept in the store, shared by its collectors). */
  previewSecret: string;
  now?: () => Date;
}

/** A preview code and what it shows. */
export interface Preview {
  code: string;
  claim: PreviewClaim;
  item: ItemBody;
}

/** The prompts and surveys `GET /v1/config` serves, before narrowing to the asking tool. */
export interface Served {
  prompts: readonly PromptConfig[];
  surveys: readonly SurveyConfig[];
}

/** What the config file says that the studio works beside. */
export interface StudioFile {
  toolIds: readonly string[];
  prompts: readonly PromptConfig[];
  surveys: readonly SurveyConfig[];
}

/** Who asks for a change, and what they last saw of the item. */
export interface ChangeOptions {
  /** The name of the token making the change, kept with the version. */
  by: string;
  /** `If-Match`: the change applies only if the item is still at one of these ETags (`*`: if it exists). */
  ifMatch?: string | undefined;
  /** `If-None-Match: *`: the save applies only if the item does not exist yet. */
  ifNoneMatch?: string | undefined;
}

/**
 * Prompts and surveys kept in the store and edited over the API (SPEC "Prompts and surveys without a
 * restart"), beside those of the config file, which are shown read-only. Every change is a new
 * version; only `live` items are served, after the file's own, in the order they were first saved.
 */
export class Studio {
  private merged: { from: LiveSnapshot; lists: Served } | undefined;

  constructor(
    private readonly file: StudioFile,
    private readonly versions: ItemVersions,
    readonly live: LiveItems,
    private readonly options: StudioOptions,
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private fileItem(kind: ItemKind, id: string): ItemBody | undefined {
    return (kind === 'prompt' ? this.file.prompts : this.file.surveys).find((item) => item.id === id);
  }

  private fileSummary(kind: ItemKind, item: ItemBody): ItemSummary {
    const base = { kind, id: item.id, status: 'live', version: null, source: 'file', liveVersion: null } as const;
    return { ...base, unpublished: false, title: itemTitle(item), savedBy: null, savedAt: null };
  }

  /** Every item: the config file's (read-only), then the studio's. */
  async list(): Promise<ItemSummary[]> {
    const file = [
      ...this.file.prompts.map((p) => this.fileSummary('prompt', p)),
      ...this.file.surveys.map((s) => this.fileSummary('survey', s)),
    ];
    const studio = (await this.versions.latest()).map((v) => {
      const line = summary(v);
      if (this.fileItem(v.kind, v.id)) line.warning = `the config file declares a ${v.kind} "${v.id}" too: the file's is served`;
      return line;
    });
    return [...file, ...studio];
  }

  /** One item with its draft and live content. */
  async item(kind: ItemKind, id: string): Promise<ItemView> {
    const fromFile = this.fileItem(kind, id);
    if (fromFile) return { ...this.fileSummary(kind, fromFile), draft: fromFile, live: fromFile, etag: null };
    return this.view(await this.existing(kind, id));
  }

  /** Every version of a studio item, newest first. */
  async history(kind: ItemKind, id: string): Promise<ItemVersion[]> {
    await this.existing(kind, id);
    return this.versions.history(kind, id);
  }

  /** One version of a studio item. */
  async version(kind: ItemKind, id: string, version: number): Promise<ItemVersion> {
    const found = await this.versions.get(kind, id, version);
    if (!found) throw new StudioError('not-found', `${kind} "${id}" has no version ${version}`);
    return found;
  }

  /** Saves a draft (creating the item as a draft the first time); saving what is already there changes nothing. */
  async save(kind: ItemKind, id: string, body: unknown, options: ChangeOptions): Promise<{ view: ItemView; created: boolean }> {
    if (this.fileItem(kind, id)) throw this.readOnly(kind, id);
    const parsed = parseItem(kind, id, body, { toolIds: this.file.toolIds });
    if (!parsed.ok)
      throw new StudioError(
        'invalid',
        parsed.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
        parsed.issues,
      );
    let created = false;
    const saved = await this.write(kind, id, options, (current) => {
      created = current === undefined;
      if (current && sameItem(current.draft, parsed.item)) return undefined;
      return {
        change: 'save',
        status: current?.status ?? 'draft',
        draft: parsed.item,
        live: current?.live ?? null,
        liveVersion: current?.liveVersion ?? null,
      };
    });
    return { view: this.view(saved), created };
  }

  /** Publishes the draft (it is served from now on), pauses a live item, or archives an item; a change to where it is already changes nothing. */
  async change(kind: ItemKind, id: string, change: Exclude<ItemChange, 'save'>, options: ChangeOptions): Promise<ItemView> {
    if (this.fileItem(kind, id)) throw this.readOnly(kind, id);
    const changed = await this.write(kind, id, options, (current, version) => {
      if (!current) throw this.missing(kind, id);
      if (change === 'publish') {
        // Checked again: the config may have lost a tool the draft names since it was saved.
        const parsed = parseItem(kind, id, current.draft, { toolIds: this.file.toolIds });
        if (!parsed.ok)
          throw new StudioError(
            'invalid',
            `the draft cannot be published: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
            parsed.issues,
          );
        if (current.status === 'live' && sameItem(current.draft, current.live)) return undefined;
        return { change, status: 'live', draft: current.draft, live: parsed.item, liveVersion: version };
      }
      if (change === 'pause') {
        if (current.status === 'paused') return undefined;
        if (current.status !== 'live') throw new StudioError('conflict', `only a live ${kind} can be paused; "${id}" is ${current.status}`);
      }
      if (current.status === 'archived' && change === 'archive') return undefined;
      return {
        change,
        status: change === 'pause' ? 'paused' : 'archived',
        draft: current.draft,
        live: current.live,
        liveVersion: current.liveVersion,
      };
    });
    return this.view(changed);
  }

  /** What `GET /v1/config` serves: the config file's items, then the studio's live ones whose id the file does not take. */
  async served(): Promise<Served> {
    const live = await this.live.current();
    // Merged once per read of the live items, not per request.
    if (this.merged?.from !== live)
      this.merged = {
        from: live,
        lists: {
          prompts: [...this.file.prompts, ...live.prompts.filter((p) => !this.fileItem('prompt', p.id))],
          surveys: [...this.file.surveys, ...live.surveys.filter((s) => !this.fileItem('survey', s.id))],
        },
      };
    return this.merged.lists;
  }

  /**
   * A code that shows an item to one browser now (`?uptake-preview=<code>` on a tool's page), whatever
   * its trigger, audience, caps and holdout, logging nothing: the studio item's latest version (or
   * `version`), or the config file's item. It works for 30 minutes.
   */
  async preview(kind: ItemKind, id: string, version?: number): Promise<Preview> {
    const fromFile = this.fileItem(kind, id);
    const studio = fromFile ? undefined : version === undefined ? await this.existing(kind, id) : await this.version(kind, id, version);
    const claim: PreviewClaim = { kind, id, version: studio?.version ?? 0, expires: this.now().getTime() + previewLifetimeMs };
    return { code: previewCode(this.options.previewSecret, claim), claim, item: (fromFile ?? studio?.draft) as ItemBody };
  }

  /** The item a preview code shows, once its signature and expiry hold. */
  async previewed(code: string): Promise<Preview> {
    const claim = readPreviewCode(this.options.previewSecret, code, this.now().getTime());
    if (typeof claim === 'string') throw new StudioError('forbidden', claim);
    const item =
      claim.version === 0 ? this.fileItem(claim.kind, claim.id) : (await this.versions.get(claim.kind, claim.id, claim.version))?.draft;
    if (!item) throw new StudioError('not-found', `the ${claim.kind} "${claim.id}" of this preview code is gone`);
    return { code, claim, item };
  }

  private view(v: ItemVersion): ItemView {
    const line = summary(v);
    return { ...line, draft: v.draft, live: v.live, etag: itemEtag(v.version) };
  }

  private async existing(kind: ItemKind, id: string): Promise<ItemVersion> {
    const found = await this.versions.get(kind, id);
    if (!found) throw this.missing(kind, id);
    return found;
  }

  private missing(kind: ItemKind, id: string): StudioError {
    return new StudioError('not-found', `no ${kind} "${id}" in the studio or the config file`);
  }

  private readOnly(kind: ItemKind, id: string): StudioError {
    return new StudioError(
      'conflict',
      `${kind} "${id}" comes from the config file (source: file) and is read-only here: change it in the file, or remove it there to manage it in the studio`,
    );
  }

  /**
   * Writes the version `next` makes of the item's latest (nothing when it returns undefined). The
   * number is only taken if still free: a change made meanwhile wins, and this one is tried again on
   * top of it, unless the request named the version it saw (`If-Match`), which then gets `stale`.
   */
  private async write(
    kind: ItemKind,
    id: string,
    options: ChangeOptions,
    next: (
      current: ItemVersion | undefined,
      version: number,
    ) => Omit<ItemVersion, 'kind' | 'id' | 'version' | 'savedBy' | 'savedAt'> | undefined,
  ): Promise<ItemVersion> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.versions.get(kind, id);
      const etag = current && itemEtag(current.version);
      if (options.ifMatch !== undefined && !matchesEtag(options.ifMatch, etag))
        throw new StudioError(
          'stale',
          current
            ? `${kind} "${id}" changed since: it is at version ${current.version} (${current.change} by ${current.savedBy} at ${current.savedAt}); load it again and redo your change`
            : `no ${kind} "${id}" to match If-Match`,
        );
      if (options.ifNoneMatch !== undefined && matchesEtag(options.ifNoneMatch, etag))
        throw new StudioError('stale', `${kind} "${id}" exists already (version ${current?.version})`);
      const version = (current?.version ?? 0) + 1;
      const state = next(current, version);
      if (!state) return current as ItemVersion;
      const written: ItemVersion = { kind, id, version, ...state, savedBy: options.by, savedAt: this.now().toISOString() };
      if (await this.versions.append(written)) {
        // Served at once by this collector; the others see it at their next look at the store.
        await this.live.refresh().catch(() => undefined);
        return written;
      }
      // Taken meanwhile. With If-Match, the next round says by whom; without, the change is redone on top.
      if (attempt >= 5)
        throw new StudioError('stale', `${kind} "${id}" is being changed by others at the same time; load it again and redo your change`);
    }
  }
}
