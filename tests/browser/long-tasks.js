'use strict';
// The page's long tasks, measured over a whole operation (a load, an export), and waiting for a
// load to end: shared by the tests that guard against freezes.

// Every long task (over 50 ms) of the page's main thread, from a PerformanceObserver: measured
// over the whole operation (reading the files, the worker's progress, loading the new index and
// the first repaint), not only while a loading flag is set (issue 14.7: the old measure stopped
// before the engine swap, where the pause was).
async function watch(page) {
  await page.evaluate(() => {
    window.__longest = 0;
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longest = Math.max(window.__longest, e.duration);
        window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  });
}

async function longestTaskSince(page) {
  // Let the observer deliver the last entries (they are queued after the task ends).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const longest = await page.evaluate(() => window.__longest);
  await page.evaluate(() => { window.__longest = 0; });
  return longest;
}

// The longest task that started while `action` ran (after watch(page)): a task that ended before
// it, but whose report is delivered late, does not count.
async function longestTaskDuring(page, action) {
  const start = await page.evaluate(() => performance.now());
  await action();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  return page.evaluate((t0) => window.__longTasks.filter((e) => e.start >= t0).reduce((m, e) => Math.max(m, e.duration), 0), start);
}

async function waitIdle(page, count) {
  await page.waitForFunction((n) => !document.body.dataset.loading && !document.body.dataset.swapping &&
    document.getElementById('load-progress').hidden && Number(document.body.dataset.documents) === n, count, { timeout: 240000 });
}

// A freeze guard, not a speed figure: the target is no task over 200 ms (the figures are printed);
// before issue 14 the 20 MB document's engine swap alone held the page for 1.9 s.
const FREEZE_MS = 1000;

module.exports = { watch, longestTaskSince, longestTaskDuring, waitIdle, FREEZE_MS };
