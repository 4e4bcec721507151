// The pages and the network of `npm run bench sdk`: every request of the browser is answered here
// (no internet), Uptake's collector on http://bench.test and PostHog's on http://ph.bench.test, each
// with a tool that has prompts (surveys for PostHog) and one that has none.
import { readFileSync } from 'node:fs';
import { configAnswerSchema } from '@uptake/sdk/protocol';

const sdkDist = new URL('../packages/sdk/dist/', import.meta.url);
const posthogDist = new URL('../node_modules/posthog-js/dist/', import.meta.url);
export const sdkFile = (name) => readFileSync(new URL(name, sdkDist));
export const posthogFile = (name) => readFileSync(new URL(name, posthogDist));

const dayMs = 86_400_000;
const day = (offset) => new Date(Date.now() + offset * dayMs).toISOString().slice(0, 10);
const instant = (offset) => new Date(Date.now() + offset * dayMs).toISOString();

/** The host page's own event in every measurement: one that a prompt and a survey count. */
export const hostEvent = 'report.generated';
/** An event no trigger counts, for comparison. */
export const otherEvent = 'export.opened';

const base = { audience: { sample: 1, holdout: 0.1 }, frequency: { maxShows: 3, cooldownDays: 3 } };
const content = (title) => ({ title, body: 'A tip that helps at this moment.', action: { label: 'Show me', href: '/guides/tip' } });
const question = { id: 'q', type: 'scale', text: 'How useful was it?', min: 1, max: 5, required: true };

/**
 * A tool with prompts live and nothing due: every trigger kind, one prompt and one survey counting
 * the host's event (the prompt cooling down after a show two days ago, the survey answered), so each
 * host event makes the runtime look at everything without showing anything.
 */
const withPrompts = {
  tool: 'bench',
  fatigue: { perDay: 1, perWeek: 3 },
  prompts: [
    {
      ...base,
      id: 'critique-tip',
      audience: { ...base.audience, roles: ['professional'] },
      trigger: { event: 'ai.output_rejected', count: 2, withinDays: 1 },
      content: content('Ask it to critique first'),
    },
    { ...base, id: 'report-tip', trigger: { event: hostEvent, count: 3, withinDays: 7 }, content: content('Schedule your reports') },
    {
      ...base,
      id: 'spaced-recap',
      trigger: { spaced: [2, 7, 21, 60] },
      frequency: { maxShows: 4, cooldownDays: 1 },
      content: content('One thing from your training'),
    },
    { ...base, id: 'export-tip', trigger: { selector: '#export', on: 'click' }, content: content('Exports keep filters') },
    { ...base, id: 'reports-page-tip', trigger: { url: '/reports/**' }, content: content('Reports can be shared') },
    { ...base, id: 'welcome-back', trigger: { inactiveDays: 14 }, content: content('Welcome back') },
  ],
  surveys: [
    { ...base, id: 'behavior-check', trigger: { daysSinceTraining: [88, 100] }, questions: [question] },
    { ...base, id: 'confidence-pulse', trigger: { daysSinceTraining: [14, 28] }, questions: [question] },
    { ...base, id: 'report-survey', trigger: { event: hostEvent, count: 20, withinDays: 30 }, questions: [question] },
  ],
  history: {
    prompts: {
      'report-tip': { shows: 1, lastShown: instant(-2), heldOutAt: null, dismissed: false, lastSnoozed: null, lastAnswered: null },
      'spaced-recap': { shows: 2, lastShown: instant(-5), heldOutAt: null, dismissed: false, lastSnoozed: null, lastAnswered: null },
    },
    surveys: {
      'report-survey': {
        shows: 1,
        lastShown: instant(-6),
        heldOutAt: null,
        dismissed: false,
        lastSnoozed: null,
        lastAnswered: instant(-6),
      },
    },
    recentShows: [instant(-2), instant(-5)],
    trainedAt: day(-30),
    lastUsageDay: day(-1),
    program: 'ai-basics',
    cohort: '2026-W40',
  },
};
const withoutPrompts = { ...withPrompts, prompts: [], surveys: [] };
for (const answer of [withPrompts, withoutPrompts]) configAnswerSchema.parse(answer);

/** A PostHog popover survey, live, shown after the host's event (the nearest to Uptake's prompts). */
const posthogSurvey = {
  id: '01900000-0000-0000-0000-000000000001',
  name: 'Report survey',
  type: 'popover',
  questions: [
    {
      type: 'rating',
      question: 'How useful was it?',
      display: 'number',
      scale: 5,
      lowerBoundLabel: 'Not',
      upperBoundLabel: 'Very',
      id: 'q',
    },
  ],
  conditions: { events: { values: [{ name: 'never.happens' }] } },
  start_date: instant(-10),
  end_date: null,
  appearance: {},
};

/** What each page variant loads; `prompts` says whether its tool has prompts (surveys). */
export const variants = {
  blank: { sdk: 'none', prompts: false },
  uptake: { sdk: 'uptake', prompts: false },
  'uptake+prompts': { sdk: 'uptake', prompts: true },
  posthog: { sdk: 'posthog', prompts: false },
  'posthog+surveys': { sdk: 'posthog', prompts: true },
};

const identifyTraits = { role: 'professional', team: 'finance' };

/** The page of a variant: the documented script tag (or PostHog's array.js and `init`) and an identify. */
function pageHtml(variant) {
  const { sdk, prompts } = variants[variant];
  const tool = prompts ? 'bench-prompts' : 'bench';
  const head =
    sdk === 'uptake'
      ? `<script async src="http://bench.test/uptake.js" data-collector="http://bench.test" data-write-key="wk_${tool}" data-tool="${tool}" data-flush-interval="600000"></script>
<script>window.uptake = window.uptake || []; uptake.push(['identify', 'u-4821', ${JSON.stringify(identifyTraits)}]);</script>`
      : sdk === 'posthog'
        ? `<script src="http://ph.bench.test/static/array.js"></script>
<script>posthog.init('${prompts ? 'phc_surveys' : 'phc_bench'}', { api_host: 'http://ph.bench.test', opt_out_useragent_filter: true, disable_surveys: ${!prompts} }); posthog.identify('u-4821', ${JSON.stringify(identifyTraits)});</script>`
        : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head>
<body><main><h1>Reports</h1><button id="export">Export</button><p>An internal AI tool.</p></main></body></html>`;
}

const json = (body) => ({
  status: 200,
  contentType: 'application/json',
  headers: { 'Access-Control-Allow-Origin': '*' },
  body: JSON.stringify(body),
});
const script = (body) => ({ status: 200, contentType: 'text/javascript', headers: { 'Access-Control-Allow-Origin': '*' }, body });

/** PostHog's answers: remote config (surveys on or off), flags, the survey list, and its own bundles. */
function posthogAnswer(url) {
  const token = url.pathname.split('/')[2] ?? url.searchParams.get('token') ?? '';
  if (url.pathname.startsWith('/static/')) return script(posthogFile(url.pathname.split('/').pop()));
  if (url.pathname.startsWith('/array/')) {
    const surveys = token === 'phc_surveys';
    const config = {
      token,
      supportedCompression: ['gzip'],
      hasFeatureFlags: false,
      captureDeadClicks: false,
      surveys,
      heatmaps: false,
      sessionRecording: false,
      autocaptureExceptions: false,
      defaultIdentifiedOnly: true,
      siteApps: [],
    };
    return url.pathname.endsWith('.js')
      ? script(
          `window._POSTHOG_REMOTE_CONFIG = window._POSTHOG_REMOTE_CONFIG || {}; window._POSTHOG_REMOTE_CONFIG[${JSON.stringify(token)}] = ${JSON.stringify({ config, siteApps: [] })};`,
        )
      : json(config);
  }
  if (url.pathname.startsWith('/flags'))
    return json({ flags: {}, featureFlags: {}, featureFlagPayloads: {}, errorsWhileComputingFlags: false });
  if (url.pathname.startsWith('/api/surveys'))
    return json({ surveys: url.searchParams.get('token') === 'phc_surveys' ? [posthogSurvey] : [] });
  return json({ status: 1 });
}

/** Uptake's collector: its files, `/v1/config` for the two tools, `/v1/batch` accepting everything. */
function uptakeAnswer(url) {
  if (url.pathname.endsWith('.js')) return script(sdkFile(url.pathname.slice(1)));
  if (url.pathname === '/v1/config') return json(url.searchParams.get('tool') === 'bench-prompts' ? withPrompts : withoutPrompts);
  if (url.pathname === '/v1/batch') return json({ accepted: 0, duplicates: 0, rejected: [] });
  const variant = url.searchParams.get('variant') ?? 'blank';
  return { status: 200, contentType: 'text/html', body: pageHtml(variant) };
}

/** Answers every request of a browser context; counts what each host was asked, for the report. */
export async function routeSite(context, seen = new Map()) {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    seen.set(url.host + url.pathname, (seen.get(url.host + url.pathname) ?? 0) + 1);
    if (url.host === 'bench.test') return route.fulfill(uptakeAnswer(url));
    if (url.host === 'ph.bench.test') return route.fulfill(posthogAnswer(url));
    return route.abort();
  });
  return seen;
}

export const pageUrl = (variant) => `http://bench.test/?variant=${encodeURIComponent(variant)}`;
