// `npm run bench sdk`: the size of uptake.js, and what one `track()` call costs the host page's main
// thread (median over 100 rounds of 1,000 calls, so 100,000 calls) in happy-dom and in real Chromium.
// Figures only; nothing here asserts a time.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Window } from 'happy-dom';
import { chromium } from 'playwright-core';

const code = readFileSync(new URL('../packages/sdk/dist/uptake.js', import.meta.url), 'utf8');
const rounds = 100;
const perRound = 1000;

console.log(`uptake.js: ${Buffer.byteLength(code)} B raw, ${gzipSync(code, { level: 9 }).length} B gzip -9`);

/**
 * Runs in the page: tracks `rounds` × `perRound` events, timing each round, and yields between
 * rounds so the SDK's own deferred work (IndexedDB writes, sends) runs as it would in a real page.
 */
const measure = async ({ rounds, perRound }) => {
  const perCall = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perRound; i++) window.uptake.track('report.generated', { rows: i, format: 'pdf', scheduled: false });
    perCall.push(((performance.now() - t0) * 1000) / perRound);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
};

const tag = 'data-collector="http://bench.test" data-write-key="wk_bench" data-tool="bench" data-flush-interval="600000"';

// happy-dom: no IndexedDB there, so the SDK queues in memory; sends fail fast (nothing listens).
{
  const window = new Window({
    url: 'http://127.0.0.1:9/',
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  window.fetch = async () => Response.json({ accepted: 0, duplicates: 0, rejected: [] });
  // The tag carries the data- attributes (its type keeps happy-dom from running it); eval runs the
  // bundle as a classic script, which finds the tag by its data-write-key.
  const script = window.document.createElement('script');
  script.type = 'text/plain';
  for (const [, name, value] of tag.matchAll(/(\S+)="([^"]*)"/g)) script.setAttribute(name, value);
  window.document.head.appendChild(script);
  window.eval(code);
  const median = await window.eval(`(${measure})(${JSON.stringify({ rounds, perRound })})`);
  console.log(`track() in happy-dom: median ${median.toFixed(2)} µs per call (${rounds * perRound} calls)`);
  await window.happyDOM.close();
}

// Chromium: a page on a real origin (so IndexedDB and Web Locks are there), collector answered by a route.
{
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.route('http://bench.test/**', (route) =>
    route.request().url().endsWith('/v1/batch')
      ? route.fulfill({
          status: 200,
          contentType: 'application/json',
          headers: { 'Access-Control-Allow-Origin': '*' },
          body: '{"accepted":0,"duplicates":0,"rejected":[]}',
        })
      : route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: `<!doctype html><title>bench</title><script ${tag}>${code}</script>`,
        }),
  );
  await page.goto('http://bench.test/');
  const median = await page.evaluate(measure, { rounds, perRound });
  console.log(`track() in Chromium ${browser.version()}: median ${median.toFixed(2)} µs per call (${rounds * perRound} calls)`);
  await browser.close();
}
