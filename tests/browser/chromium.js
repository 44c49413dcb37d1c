// Launches Debian's Chromium through playwright-core (no browser download), headless, with a
// fresh profile and no background networking: the machine has no general internet.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const WEB = path.join(ROOT, 'build', 'web');
const SCREENSHOTS = path.join(ROOT, 'build', 'screenshots');
const EXECUTABLE = process.env.MIRSAD_CHROMIUM || '/usr/bin/chromium';

async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

// Collects console errors and uncaught exceptions so a test can assert there were none.
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

const pageUrl = () => 'file://' + path.join(WEB, 'index.html');

// A fresh browser (closed after the test) with the page opened from file:// and ready; `beforeLoad`
// can attach listeners that must see the page's first messages.
async function openPage(t, beforeLoad) {
  const { context, close } = await launch();
  t.after(close);
  const page = await context.newPage();
  const errors = watchErrors(page);
  if (beforeLoad) await beforeLoad(page);  // (it may return a promise: addInitScript)
  await page.goto(pageUrl());
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  return { page, errors };
}

module.exports = { launch, openPage, watchErrors, screenshotPath, pageUrl, WEB, ROOT };
