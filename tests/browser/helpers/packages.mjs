// packages.mjs - build the test course with scormc and open the packages
// SPDX-License-Identifier: MIT
//
// 'scormc build' writes zips; the tests serve them unpacked, so this holds
// a small zip reader (stored and deflate, the two methods a SCORM package
// may use) and a manifest reader that finds every SCO's launch page.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

// Unpack 'zipFile' into 'dir'. Refuses names that climb out of it.
export function unzip(zipFile, dir) {
  const buf = fs.readFileSync(zipFile);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${zipFile}: not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${zipFile}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    p += 46 + nlen + xlen + clen;
    names.push(name);
    const out = path.resolve(dir, name);
    if (!out.startsWith(path.resolve(dir) + path.sep)) throw new Error(`${zipFile}: unsafe name ${name}`);
    if (name.endsWith('/')) { fs.mkdirSync(out, { recursive: true }); continue; }
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + csize);
    let body;
    if (method === 0) body = raw;
    else if (method === 8) body = zlib.inflateRawSync(raw);
    else throw new Error(`${zipFile}: ${name}: compression method ${method}`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, body);
  }
  return names;
}

function attr(tag, name) {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"') : null;
}

// The SCOs of a package in organization order: [{item, title, href, scope}].
export function readManifest(dir) {
  const xml = fs.readFileSync(path.join(dir, 'imsmanifest.xml'), 'utf8');
  const resources = new Map();
  for (const m of xml.matchAll(/<resource\b[^>]*>/g)) {
    const tag = m[0];
    const base = attr(tag, 'xml:base') || '';
    resources.set(attr(tag, 'identifier'), {
      href: base + (attr(tag, 'href') || ''),
      sco: /scorm[tT]ype\s*=\s*"sco"/.test(tag),
    });
  }
  const schemaversion = (/<schemaversion>([^<]*)<\/schemaversion>/.exec(xml) || [])[1];
  const scos = [];
  const itemRe = /<item\b[^>]*identifierref\s*=\s*"[^"]*"[^>]*>\s*<title>([^<]*)<\/title>/g;
  for (const m of xml.matchAll(itemRe)) {
    const res = resources.get(attr(m[0], 'identifierref'));
    if (!res || !res.sco) continue;
    const file = path.join(dir, res.href.split(/[?#]/)[0]);
    const html = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const scope = (/data-scope="([^"]*)"/.exec(html) || [])[1] || null;
    scos.push({ item: attr(m[0], 'identifier'), title: m[1], href: res.href, scope });
  }
  return { schemaversion, scos, xml };
}

// Every package under 'out' (zips, or folders holding a manifest),
// unpacked under 'root'. Returns [{name, dir, scos, schemaversion}].
export function openPackages(out, root) {
  const found = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (fs.existsSync(path.join(p, 'imsmanifest.xml'))) found.push({ name: e.name, dir: p });
        else walk(p);
      } else if (e.name.endsWith('.zip')) {
        const dir = path.join(root, path.relative(out, p).replace(/\.zip$/, '').replace(/[\\/]/g, '_'));
        fs.rmSync(dir, { recursive: true, force: true });
        unzip(p, dir);
        found.push({ name: e.name.replace(/\.zip$/, ''), dir });
      }
    }
  })(out);
  if (fs.existsSync(path.join(out, 'imsmanifest.xml'))) found.push({ name: path.basename(out), dir: out });
  return found.map((f) => ({ ...f, ...readManifest(f.dir) }));
}

// Build 'course' with scormc into a fresh 'out'.
export function build(scormc, course, out, edition, layout) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  return execFileSync(scormc, ['build', course, '-o', out, '--scorm', edition, '--layout', layout],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } });
}
