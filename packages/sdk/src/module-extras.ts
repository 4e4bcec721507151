import type { Extras } from './prompts/connect-prompts.js';

/** What the npm package loads on demand: bundlers split each import into a chunk fetched only when a page needs it. */
export const moduleExtras: Extras = {
  prompts: () => import('./prompts/start-prompts.js'),
  vitals: () => import('./perf/report-vitals.js'),
  explain: () => import('./prompts/studio-hooks.js'),
};
