import type { Cluster } from '../stats/cluster-analysis.js';
import { cellName, type Population } from './cell-name.js';
import type { TeamCounts } from './metric-counts.js';
import type { Release } from './release.js';

/**
 * One arm of a prompt randomized by team as a viewer may see it, for the cluster-level test: each
 * team's exposed and converted people are cells of their own (named by the team as a segment, so
 * the same team, prompt and arm always take the same noise), the arm's teams a breakdown of the
 * arm's published total (teams under `minGroupSize` hidden, and by secondary suppression the next
 * smallest until the hidden hold `minGroupSize` together), hidden teams left out of the test. The
 * teams are taken in the order of their names, so ties in size hide the same team at every request.
 * docs/DECISIONS.md "A viewer's verdict on a prompt randomized by team" says why this releases
 * nothing a viewer's team figures do not.
 */
export function releaseTeams(
  release: Release,
  teams: readonly TeamCounts[],
  base: Population,
  promptId: string,
  arm: 'treated' | 'control',
): Cluster[] {
  const ordered = [...teams].sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
  const hidden = release.hide(ordered.map((t) => t.people));
  return ordered.flatMap((t, i) => {
    if (hidden[i]) return [];
    const population: Population = { ...base, segment: { trait: 'team', key: t.team } };
    const people = release.count(cellName('exposed', population, promptId, arm), t.people);
    return [{ people, converted: release.part(cellName('converted', population, promptId, arm), t.converted, t.people, people) }];
  });
}
