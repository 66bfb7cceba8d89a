// server.mjs - a tiny static file server for the browser tests
// SPDX-License-Identifier: MIT
//
// Serves named roots under URL prefixes ('/harness/' -> a folder) from
// 127.0.0.1 on a free port. GET and HEAD only; no directory listings;
// a path that climbs out of its root is refused.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

// roots: { prefix: folder }, e.g. { '/harness/': '/x/helpers' }.
// Roots may be added later with server.mount(prefix, folder).
export async function startServer(roots = {}) {
  const mounts = new Map(Object.entries(roots)
    .map(([prefix, dir]) => [prefix, path.resolve(dir)]));
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let url;
    try {
      url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    for (const [prefix, dir] of mounts) {
      if (!url.startsWith(prefix)) continue;
      const file = path.resolve(dir, '.' + url.slice(prefix.length - 1));
      if (file !== dir && !file.startsWith(dir + path.sep)) break;
      fs.stat(file, (err, st) => {
        if (err || !st.isFile()) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file).toLowerCase()] ||
            'application/octet-stream',
          'content-length': st.size,
          'cache-control': 'no-store',
        });
        if (req.method === 'HEAD') res.end();
        else fs.createReadStream(file).pipe(res);
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    mount(prefix, dir) { mounts.set(prefix, path.resolve(dir)); },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
