// `uptake-explain.js`: what the studio's hooks need beyond uptake.js, which every page loads, and
// beyond the prompts chunk, which every page with prompts loads: the words of `uptake.explain()` and
// of the debug flag, and the fetch of a preview code. Loaded only when someone asks why or opens a
// preview (issue 22).
export { explainDue, explainLines } from '../rules/explain-due.js';
export { explainNow, sayWhy } from './explain-now.js';
export { showPreview } from './show-preview.js';
