// A tiny static server on 127.0.0.1 (random port). COOP/COEP make the page crossOriginIsolated,
// so performance.now() has 5 µs resolution. Only an explicit set of routes is served.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };

// routes: { '/url': absolute file path | Buffer }; prefixes: { '/prefix/': absolute folder }.
function startServer({ routes = {}, prefixes = {} }) {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    let body = routes[url];
    let file = typeof body === 'string' ? body : null;
    if (body === undefined) {
      for (const [prefix, dir] of Object.entries(prefixes)) {
        if (!url.startsWith(prefix)) continue;
        const candidate = path.resolve(dir, url.slice(prefix.length));
        if (candidate.startsWith(path.resolve(dir) + path.sep)) file = candidate;
      }
    }
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    try {
      if (file !== null) body = fs.readFileSync(file);
      if (!Buffer.isBuffer(body)) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
    } catch (e) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end(`not found: ${url}`);
      return;
    }
    headers['Content-Type'] = TYPES[path.extname(file || url)] || 'application/octet-stream';
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

module.exports = { startServer };
