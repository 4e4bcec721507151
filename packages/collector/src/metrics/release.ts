/**
 * How exact counts are released to a reader. Analysts and admins get them as they are (small
 * groups suppressed); viewers get figures that cannot be differenced (`viewerRelease`). The shape
 * of the answer is built once, by `publishMetrics`, whatever the release.
 */
export interface Release {
  readonly minGroupSize: number;
  /** A viewer's answer whose filter narrowed the population below `minGroupSize`: every figure hidden. */
  readonly narrowed: boolean;
  /** Whether hidden groups stay in the lists (by name, every figure null) or are left out. */
  readonly listsHidden: boolean;
  /**
   * Which parts of a breakdown are hidden, from their exact sizes: those under `minGroupSize`
   * (primary suppression, the same for everyone) and, for viewers, more until the hidden ones
   * hold at least `minGroupSize` together (secondary suppression). `alreadyHidden` marks parts
   * hidden for another reason (a hidden group's cell); they count in what the hidden hold.
   */
  hide(sizes: readonly number[], alreadyHidden?: readonly boolean[]): boolean[];
  /** A count as published: `cell` names what it counts (its measure and population). */
  count(cell: string, n: number): number;
  /**
   * A count of part of a population as published (the active among the eligible, say): within
   * 0…`publishedWhole`, so a rate computed from the two stays within 0…1.
   */
  part(cell: string, n: number, whole: number, publishedWhole: number): number;
  /**
   * A magnitude summed over `people` (minutes saved, say) as published: for a viewer it moves by as
   * many mean contributions as a count of those people would move, so its relative error is that of
   * the count.
   */
  magnitude(cell: string, total: number, people: number): number;
}

/** Exact figures: every count as it is; only groups under `minGroupSize` are hidden (SPEC "Privacy"). */
export function exactRelease(minGroupSize: number): Release {
  return {
    minGroupSize,
    narrowed: false,
    listsHidden: true,
    hide: (sizes, alreadyHidden) => sizes.map((size, i) => (alreadyHidden?.[i] ?? false) || size < minGroupSize),
    count: (_cell, n) => n,
    part: (_cell, n) => n,
    magnitude: (_cell, total) => total,
  };
}
