'use strict';
// A built news site as input (issue 17): real articles written as the pages a static site
// generator makes (navigation, a site header, scripts, a footer and "read also" boxes around the
// article, folders and index.html pages), read back by `mirsad index --static` and by the engine.
// Each page must give exactly its article's title, text, date and site name, its path as id and
// its link, and nothing of what surrounds the article may become searchable.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { MODULE, Mirsad, cli, cliJson } = require('./helpers');
const { realCorpus } = require('../browser/real-corpus');

// Words that only the site's chrome holds: a search for them must find nothing.
const CHROME_WORDS = ['كلمةالقائمة', 'كلمةالسكربت', 'كلمةالتذييل', 'كلمةالجانبي', 'كلمةالمشاركة', 'كلمةالترويسة'];

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// The page of one article. Its title is the page's h1 (before the article), its date and site in
// <meta>, its text one <p> a line; some pages use <main> instead of <article>.
function pageOf(doc, i) {
  const paragraphs = doc.text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join('\n    ');
  const body = i % 5 === 4 ? ['<main class="content">', '</main>'] : ['<article class="story">', '</article>'];
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>${escapeHtml(doc.title)} | ${escapeHtml(doc.source)}</title>
<meta property="og:site_name" content="${escapeHtml(doc.source)}">
${doc.date ? `<meta property="article:published_time" content="${doc.date}">` : ''}
<script>window.ads = "<article>${CHROME_WORDS[1]}</article>";</script>
<style>.story:before { content: "${CHROME_WORDS[1]}" }</style>
</head><body>
<header><a href="/">${CHROME_WORDS[5]}</a></header>
<nav><ul><li><a href="/sport/">${CHROME_WORDS[0]}</a></li></ul></nav>
<h1>${escapeHtml(doc.title)}</h1>
${body[0]}
    ${paragraphs}
    <aside>اقرأ أيضا: ${CHROME_WORDS[3]}</aside>
    <div class="share" data-mirsad-ignore>${CHROME_WORDS[4]}</div>
${body[1]}
<footer>${CHROME_WORDS[2]} &copy; 2015</footer>
<script src="/app.js"></script>
</body></html>`;
}

// What the page's text must read as: each line's HTML whitespace (ASCII: a no-break space is
// kept, as a browser keeps it) collapsed, blank lines gone.
function expectedText(text) {
  return text.split('\n').map((l) => l.replace(/[ \t\r\f]+/g, ' ').replace(/^ | $/g, '')).filter(Boolean).join('\n');
}

function writeSite(docs) {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-site-'));
  const pages = docs.map((doc, i) => {
    const month = (doc.date || '2015-00').slice(0, 7).replace('-', '/');
    const rel = i % 10 === 3 ? `${month}/${doc.id}/index.html` : `${month}/${doc.id}.html`;
    fs.mkdirSync(path.join(site, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(site, rel), pageOf(doc, i));
    return { doc, rel, url: 'https://news.example/archive/' + rel.replace(/index\.html$/, '') };
  });
  return { site, pages };
}

test('a built site\'s pages become their articles, with their paths as links', async (t) => {
  const { docs: all, real } = realCorpus({ docs: 400 });
  const docs = all.filter((d) => d.text.trim() && d.title.trim()).slice(0, 300);
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles as HTML pages`);
  const { site, pages } = writeSite(docs);

  // The engine reads each page as the CLI hands it over: its path inside the site as its name.
  const engine = await Mirsad.create({ factory: require(MODULE) });
  engine.setHtmlOptions({ urlPrefix: 'https://news.example/archive/' });
  for (const p of pages) {
    const report = engine.loadFile(p.rel, fs.readFileSync(path.join(site, p.rel)));
    assert.equal(report.added, 1, `${p.rel}: ${JSON.stringify(report.warnings)}`);
  }
  const byId = new Map(engine.documents().map((d) => [d.id, d]));
  for (const p of pages) {
    const d = byId.get(p.rel);
    assert.ok(d, p.rel);
    assert.equal(d.title, p.doc.title.replace(/[ \t\r\n\f]+/g, ' ').replace(/^ | $/g, ''), `${p.rel}: title`);
    assert.equal(d.source, p.doc.source, `${p.rel}: source`);
    assert.equal(d.date, p.doc.date, `${p.rel}: date`);
    assert.equal(d.url, p.url, `${p.rel}: url`);
    assert.equal(engine.text(p.rel), expectedText(p.doc.text), `${p.rel}: text`);
  }
  for (const word of CHROME_WORDS) assert.equal(engine.search(word, { mode: 'exact' }).total, 0, word);

  // The CLI writes the site as a static index; a search over it gives the page's id and link.
  const out = path.join(site, '..', path.basename(site) + '-index');
  const written = cliJson(['index', '--corpus', site, '--static', out, '--url-prefix', 'https://news.example/archive/']);
  assert.equal(written.documents, pages.length);
  const probe = pages[7];
  const answer = cliJson(['search', '--index-dir', out, '--mode', 'word', '--limit', '10', probe.doc.title]);
  const hit = answer.hits.find((h) => h.id === probe.rel);
  assert.ok(hit, `«${probe.doc.title}» finds ${probe.rel}`);
  assert.equal(hit.url, probe.url);
  assert.equal(hit.title, byId.get(probe.rel).title);
  for (const word of CHROME_WORDS) {
    assert.equal(cliJson(['search', '--index-dir', out, '--mode', 'exact', word]).total, 0, word);
  }

  // A selector names the article's element; the pages without one are left out, and said so.
  const selected = cli(['search', '--corpus', site, '--selector', 'main.content', '--limit', '1000', '--json', 'في']);
  assert.equal(selected.status, 0, selected.stderr);
  assert.match(selected.stderr, /no element matches the article selector: page left out/);
  const inMain = new Set(pages.filter((p, i) => i % 5 === 4).map((p) => p.rel));
  const found = JSON.parse(selected.stdout).hits.map((h) => h.id);
  assert.ok(found.length > 0);
  assert.deepEqual(found.filter((id) => !inMain.has(id)), []);
  const bad = cli(['search', '--corpus', site, '--selector', 'article p', 'في']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /combinators and lists are not supported/);

  fs.rmSync(site, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

test('a page in another charset, an empty page and a hostile page are refused or read safely', async () => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  let r = engine.loadFile('old.html', Buffer.from('<meta charset="windows-1256"><article>\xe1\xed\xc8\xed\xc7</article>', 'latin1'));
  assert.equal(r.added, 0);
  assert.deepEqual(r.warnings.map((w) => w.code), ['unsupported_charset']);
  r = engine.loadFile('empty.html', Buffer.from('<article><script>x()</script></article>'));
  assert.deepEqual(r.warnings.map((w) => w.code), ['empty_file']);
  // Markup in the text stays text; an event handler or a javascript: link never reaches the text.
  r = engine.loadFile('x.html', Buffer.from('<article><p>ليبيا &lt;img src=x onerror=alert(1)&gt;</p><a href="javascript:alert(1)">رابط</a><img src=x onerror=alert(2)></article>'));
  assert.equal(r.added, 1);
  assert.equal(engine.text('x.html'), 'ليبيا <img src=x onerror=alert(1)>\nرابط');
  assert.throws(() => engine.setHtmlOptions({ selector: 'div > p' }), /combinators/);
});
