// `npm run bench sdk`: what Uptake's SDK costs a host page, beside posthog-js in the same run and
// each figure beside its aim (issue 22). In headless Chromium, every request answered locally
// (bench/sdk-site.mjs):
// - the bytes of each script-tag file (gzip -9);
// - `track()` per call, its synchronous part, on a tool without prompts (rounds of 1,000 calls);
// - one host event on a tool with prompts live: `track()` plus the prompts' share of the event's
//   task (the re-evaluation it queues), the difference between its task with and without prompts,
//   each against an idle loop awaiting the same microtasks (the figure the aim is about); and all
//   the main-thread work it causes, later tasks included (queue writes, sends, storage), one event or
//   20 a task; both as CDP thread time;
// - a page load of a tool with and without prompts (first visit): main-thread script and task time
//   3 s after `load`, and the JS heap after a garbage collection, less a blank page's.
// Figures only; nothing here asserts a time (the byte budgets are tests: packages/*/test/bundle-size.test.ts).
// This machine's other work shows in the times: compare figures of one run.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { hostEvent, otherEvent, pageUrl, posthogFile, routeSite, sdkFile } from './sdk-site.mjs';

// The e2e tests' flags (test/helpers/chromium.ts), less --disable-sync.
const args = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run'.split(' ');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
const loads = Number(process.env.BENCH_SDK_LOADS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
const rows = [];
// BENCH_SDK_PARTS=track,event,load measures only those (the bytes always).
const parts = process.env.BENCH_SDK_PARTS?.split(',');
const part = (name) => !parts || parts.includes(name);
// Headless Chromium says so in its user agent, and posthog-js drops a bot's events: both SDKs see a desktop Chrome.
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
/** One line of the table: what, Uptake's figure, posthog-js's, the aim and whether it is met. */
const row = (step, uptake, posthog, aim, met) =>
  rows.push({ step, uptake, posthog, aim, met: met === undefined ? '' : met ? 'met' : 'NOT met' });
const bytes = (n) => `${n.toLocaleString('en')} B`;
const ms = (n) => `${n.toFixed(1)} ms`;
const us = (n) => `${n.toFixed(2)} µs`;
const kib = (n) => `${Math.round(n / 1024).toLocaleString('en')} KiB`;

/** A page of `variant` in a fresh context (an empty origin: the first visit), with a CDP session measuring thread time. */
async function open(variant) {
  const context = await browser.newContext({ userAgent });
  await routeSite(context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(pageUrl(variant), { waitUntil: 'load' });
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  return { page, cdp, metrics, close: () => context.close() };
}

/** Waits until the prompts runtime of the page runs (Uptake) or its surveys are loaded (PostHog). */
const promptsLive = (page, sdk) =>
  page.waitForFunction(
    sdk === 'uptake' ? () => 'uptakePrompts' in window : () => window.posthog?.surveys?.getActiveMatchingSurveys !== undefined,
    null,
    { timeout: 10_000 },
  );

// --- bytes -------------------------------------------------------------------------------------
const [uptake, prompts, widgets, vitals] = ['uptake.js', 'uptake-prompts.js', 'uptake-widgets.js', 'uptake-vitals.js'].map((f) =>
  gz(sdkFile(f)),
);
const size = { uptake, prompts, widgets, vitals };
const ph = { array: gz(posthogFile('array.js')), surveys: gz(posthogFile('surveys.js')) };
console.log(
  `script-tag files, gzip -9: uptake.js ${bytes(size.uptake)}, uptake-prompts.js ${bytes(size.prompts)}, uptake-widgets.js ${bytes(size.widgets)} (at the first show), uptake-vitals.js ${bytes(size.vitals)} (after load)`,
);
console.log(
  `posthog-js ${JSON.parse(posthogFile('../package.json')).version}: array.js ${bytes(ph.array)}, surveys.js ${bytes(ph.surveys)}`,
);
row('`uptake.js`, gzip -9', bytes(size.uptake), `${bytes(ph.array)} (array.js)`, '≤ 5,120 B', size.uptake <= 5120);
const toSurvey = size.uptake + size.prompts + size.widgets;
row(
  'bytes to show a survey (uptake.js + uptake-prompts.js + uptake-widgets.js)',
  bytes(toSurvey),
  bytes(ph.array + ph.surveys),
  '≤ 16,384 B',
  toSurvey <= 16_384,
);

// --- track() per call, synchronous part, no prompts -------------------------------------------
/** In the page: `rounds` rounds of `perRound` calls, timed per round, yielding between rounds so deferred work runs; median µs per call. */
const perCall = async ({ call, rounds, perRound, name }) => {
  const fn =
    call === 'uptake'
      ? (i) => window.uptake.track(name, { rows: i, format: 'pdf', scheduled: false })
      : (i) => window.posthog.capture(name, { rows: i, format: 'pdf', scheduled: false });
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perRound; i++) fn(i);
    times.push(((performance.now() - t0) * 1000) / perRound);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
};
async function trackCost(variant, call, rounds, perRound) {
  const { page, close } = await open(variant);
  await page.waitForFunction(call === 'uptake' ? () => typeof window.uptake?.track === 'function' : () => window.posthog?.__loaded);
  await page.waitForTimeout(500);
  const result = await page.evaluate(perCall, { call, rounds, perRound, name: hostEvent });
  await close();
  return result;
}
// The host-event line adds the prompts' share to this figure.
const track = { uptake: NaN, posthog: NaN };
if (part('track') || part('event')) track.uptake = await trackCost('uptake', 'uptake', 100, 1000);
if (part('track')) {
  track.posthog = await trackCost('posthog', 'posthog', 40, 25);
  row(
    '`track()` per call, no prompts (synchronous)',
    `${us(track.uptake)} (${Math.round(track.posthog / track.uptake)}× cheaper)`,
    us(track.posthog),
    '≤ 3.5 µs (≥ 200×)',
    track.uptake <= 3.5 && track.posthog / track.uptake >= 200,
  );
}

// --- one host event with all its follow-up work, as main-thread time against an idle loop ------------
/**
 * In the page: `tasks` tasks, each calling `track` `perTask` times (or, idle, not at all) and letting
 * the microtasks it queued run (the prompts' re-evaluation); then a pause for the deferred work (the
 * queue's IndexedDB write, once per task).
 */
const eventLoop = async ({ call, tasks, perTask, name }) => {
  const channel = new MessageChannel();
  const nextTask = () =>
    new Promise((resolve) => {
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
  const props = { format: 'pdf', scheduled: false };
  const fn = call === 'uptake' ? () => window.uptake.track(name, props) : () => window.posthog.capture(name, props);
  for (let t = 0; t < tasks; t++) {
    if (name) for (let i = 0; i < perTask; i++) fn();
    await nextTask();
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
};
/** µs of main-thread task time (CDP, thread time) per host event `name`: (events loop − idle loop) / events, median of 5 pairs. */
async function eventCost(variant, call, name, tasks, perTask) {
  const { page, metrics, close } = await open(variant);
  await (variant.includes('+')
    ? promptsLive(page, call)
    : page.waitForFunction(() => typeof window.uptake?.track === 'function' || window.posthog?.__loaded));
  // The steady state of a busy page: the browser's event log is full (200 events) before measuring.
  await page.evaluate(eventLoop, { call, tasks: 250, perTask: 1, name });
  const taskTime = async (event) => {
    const before = (await metrics()).TaskDuration;
    await page.evaluate(eventLoop, { call, tasks, perTask, name: event });
    return (await metrics()).TaskDuration - before;
  };
  const diffs = [];
  for (let r = 0; r < 5; r++) diffs.push((((await taskTime(name)) - (await taskTime(null))) * 1e6) / (tasks * perTask));
  const onScreen = await page.evaluate(() => document.querySelectorAll('uptake-prompt, uptake-pulse').length);
  await close();
  if (onScreen) throw new Error(`${variant}: something was shown during the measurement; the bench config must keep everything not due`);
  return median(diffs);
}
/**
 * In the page, in one task: `n` host events, each `track()` and the microtasks it queued (the
 * prompts' re-evaluation), or, idle, the same awaits without `track()`; then a pause in which the
 * queue writes the `n` events at once (their share of it is small, and counted).
 */
const eventTask = async ({ n, name }) => {
  const props = { format: 'pdf', scheduled: false };
  for (let i = 0; i < n; i++) {
    if (name) window.uptake.track(name, props);
    await null;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
};
/**
 * µs of main-thread thread time (CDP) per host event: (events − idle) / n, median of 21 pairs. Thread
 * time, not the page's clock: the other work of this machine does not count.
 */
async function eventTaskCost(variant, name) {
  const { page, metrics, close } = await open(variant);
  await (variant.includes('+') ? promptsLive(page, 'uptake') : page.waitForFunction(() => typeof window.uptake?.track === 'function'));
  // The steady state of a busy page: the browser's event log is full (200 events) before measuring.
  await page.evaluate(eventTask, { n: 250, name });
  const taskTime = async (event) => {
    const before = (await metrics()).TaskDuration;
    await page.evaluate(eventTask, { n: 500, name: event });
    return (await metrics()).TaskDuration - before;
  };
  const diffs = [];
  for (let r = 0; r < 21; r++) diffs.push((((await taskTime(name)) - (await taskTime(null))) * 1e6) / 500);
  const onScreen = await page.evaluate(() => document.querySelectorAll('uptake-prompt, uptake-pulse').length);
  await close();
  if (onScreen) throw new Error(`${variant}: something was shown during the measurement; the bench config must keep everything not due`);
  return median(diffs);
}
if (part('event')) {
  const event = {
    task: await eventTaskCost('uptake', hostEvent),
    live: await eventTaskCost('uptake+prompts', hostEvent),
    liveOther: await eventTaskCost('uptake+prompts', otherEvent),
    // All the work, later tasks included (IndexedDB writes, sends, storage), 20 events a task as track() above is measured in rounds.
    all: await eventCost('uptake', 'uptake', hostEvent, 50, 20),
    allLive: await eventCost('uptake+prompts', 'uptake', hostEvent, 50, 20),
    allLiveSpaced: await eventCost('uptake+prompts', 'uptake', hostEvent, 300, 1),
    posthog: await eventCost('posthog+surveys', 'posthog', hostEvent, 20, 5),
  };
  // The event's own task also pays its share of the queue's writes and sends (a send every 100
  // events), the same with or without prompts: the prompts' share is the difference, and the host
  // event costs track() (synchronous, above) plus that share.
  const share = event.live - event.task;
  const live = track.uptake + share;
  console.log(
    `one host event's task in thread time, with its share of the queue's writes and sends: no prompts ${us(event.task)}; prompts live ${us(event.live)} (the prompts' share ${us(share)}); prompts live, an event no trigger counts ${us(event.liveOther)}`,
  );
  console.log(
    `one host event, all main-thread work it causes, later tasks included: no prompts ${us(event.all)}; prompts live ${us(event.allLive)} (the prompts' share ${us(event.allLive - event.all)}); one event a task, prompts live ${us(event.allLiveSpaced)}`,
  );
  row(
    "one host event, prompts live, with the re-evaluation it triggers (track() + the prompts' share)",
    `${us(live)} (${us(track.uptake)} + ${us(share)})`,
    `${us(event.posthog)} (capture, surveys live, all work)`,
    '≤ 10 µs',
    live <= 10,
  );
}

// --- page load ------------------------------------------------------------------------------------
/** Median over `loads` first visits: main-thread script and task time 3 s after `load`, JS heap after a GC. */
async function pageLoad(variant) {
  const samples = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ userAgent });
    await routeSite(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(pageUrl(variant), { waitUntil: 'load' });
    await page.waitForTimeout(3000);
    await cdp.send('HeapProfiler.collectGarbage');
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    samples.push({ script: m.ScriptDuration * 1000, task: m.TaskDuration * 1000, heap: m.JSHeapUsedSize });
    await context.close();
  }
  return {
    script: median(samples.map((s) => s.script)),
    task: median(samples.map((s) => s.task)),
    heap: median(samples.map((s) => s.heap)),
  };
}
if (part('load')) {
  const load = {};
  for (const variant of ['blank', 'uptake', 'uptake+prompts', 'posthog', 'posthog+surveys']) load[variant] = await pageLoad(variant);
  for (const [variant, l] of Object.entries(load))
    console.log(`page load, ${variant.padEnd(15)} script ${ms(l.script)}, tasks ${ms(l.task)}, JS heap ${kib(l.heap)}`);
  const up = load['uptake+prompts'];
  const phs = load['posthog+surveys'];
  row(
    'page load with prompts: main-thread script time, 3 s after load',
    `${ms(up.script)} (${(phs.script / up.script).toFixed(1)}× less)`,
    ms(phs.script),
    '≤ 9.6 ms (≥ 10× less)',
    up.script <= 9.6 && phs.script / up.script >= 10,
  );
  row('page load with prompts: main-thread task time', ms(up.task), ms(phs.task), '');
  row(
    'page load without prompts: script / task time',
    `${ms(load.uptake.script)} / ${ms(load.uptake.task)}`,
    `${ms(load.posthog.script)} / ${ms(load.posthog.task)}`,
    '',
  );
  // A blank page's own heap (Chromium's built-ins, ~560 KiB) is no SDK's: the heap lines are what each adds to it.
  const added = (l) => l.heap - load.blank.heap;
  row(
    'JS heap added to a blank page, with prompts',
    `${kib(added(up))} (${kib(up.heap)} in all)`,
    `${kib(added(phs))} (${kib(phs.heap)})`,
    '≤ 300 KiB',
    added(up) <= 300 * 1024,
  );
  row(
    'JS heap added to a blank page, without prompts',
    `${kib(added(load.uptake))} (${kib(load.uptake.heap)})`,
    `${kib(added(load.posthog))} (${kib(load.posthog.heap)})`,
    '≤ 300 KiB',
    added(load.uptake) <= 300 * 1024,
  );
  row('(a blank page: script / task time, JS heap)', `${ms(load.blank.script)} / ${ms(load.blank.task)}, ${kib(load.blank.heap)}`, '', '');
}

const version = browser.version();
await browser.close();
console.log(`\nChromium ${version}, ${loads} page loads each (median)\n`);
console.log('| step | Uptake | posthog-js | aim | |\n| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.step} | ${r.uptake} | ${r.posthog} | ${r.aim} | ${r.met} |`);
