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

// The built page's files over HTTP on a free local port, and `routes` (path → [content type,
// body, other headers]) before them: a widget loads its corpus in a worker only from http(s).
// Closed after the test.
async function serveWeb(t, routes) {
  const http = require('http');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (routes[url.pathname]) {
      const [type, body, headers] = routes[url.pathname];
      res.writeHead(200, { 'Content-Type': type, ...(headers || {}) }).end(body);
      return;
    }
    const file = path.normalize(path.join(WEB, decodeURIComponent(url.pathname)));
    if (!file.startsWith(WEB + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  return `http://127.0.0.1:${server.address().port}`;
}

// A fresh browser (closed after the test) on `url`, with its errors collected.
async function openUrl(t, url) {
  const { context, close } = await launch();
  t.after(close);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  return { page, errors };
}

module.exports = { launch, openPage, openUrl, serveWeb, watchErrors, screenshotPath, pageUrl, WEB, ROOT };
