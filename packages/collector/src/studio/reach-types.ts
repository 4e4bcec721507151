import type { ItemKind } from './studio-item.js';

/** A figure an editor may read: about how many, or only that there are fewer than the threshold. */
export type ReachFigure = { about: number } | { fewerThan: number };

/** The figures of a reach estimate, as released to an editor. */
export interface ReachFigures {
  /** The people the audience's lists and the trigger reach now, before `sample`. */
  people: ReachFigure;
  /** Of those, the people drawn by `sample` who would see it (those not held out). */
  shown: ReachFigure;
  /** Of those drawn, the people `holdout` keeps as the control group; null without a holdout. */
  heldOut: ReachFigure | null;
}

/** `POST /v1/admin/{prompts|surveys}/{id}/reach`: how many people an item (a draft, saved or not) reaches now. */
export interface ReachEstimate {
  kind: ItemKind;
  id: string;
  /** The UTC day the estimate is for. */
  asOf: string;
  tools: string[];
  minGroupSize: number;
  /** The people reached, leaving out what `notEstimated` names. */
  figures: ReachFigures;
  /** The trigger's conditions the collector cannot evaluate (a selector, a URL), each in words; the figures leave them out. */
  notEstimated: string[];
  /** How each condition was counted, in words. */
  basis: string[];
  /** The estimate in one sentence. */
  summary: string;
}
