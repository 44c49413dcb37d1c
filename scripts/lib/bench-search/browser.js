// Debian's Chromium through playwright-core (no browser download), headless, fresh profile, no
// background networking, with gc() exposed and precise performance.memory (peers-bench.md's flags).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const EXECUTABLE = process.env.MIRSAD_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc', '--enable-precise-memory-info',
  '--disable-renderer-backgrounding', '--disable-background-timer-throttling'];

async function launchBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE, headless: true, args: ARGS, viewport: { width: 1024, height: 768 },
  });
  let closed = null;
  const close = () => {
    if (!closed) {
      closed = context.close().catch(() => {}).finally(() => fs.rmSync(profile, { recursive: true, force: true }));
    }
    return closed;
  };
  return { context, close };
}

module.exports = { launchBrowser, ARGS };
