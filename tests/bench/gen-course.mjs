// gen-course.mjs - write a synthetic course for the build benchmark
// SPDX-License-Identifier: MIT
//
// Usage: node tests/bench/gen-course.mjs DIR
// 16 modules in 4 components; each has 8 pages of about 2,500 words in
// all, 3 knowledge checks, a scenario, 4 glossary terms and an
// assessment of 10 questions. Deterministic: no randomness.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const words = ('border officer checkpoint traveller document passport ' +
  'visa entry exit record alert network cooperation protection ' +
  'migrant victim referral interview evidence data').split(' ');

function sentence(seed, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(words[(seed * 7 + i * 13) % words.length]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return out.join(' ') + '.';
}

function paragraph(seed) {
  const s = [];
  for (let i = 0; i < 6; i++) s.push(sentence(seed + i, 8 + (i % 5)));
  return s.join(' ');
}

function question(m, i) {
  const kind = i % 3;
  const t = `::m${m}-q${i}:: ${sentence(m + i, 9)}`;
  if (kind === 0) return `${t} {\n  =right # Yes.\n  ~wrong # No.\n  ~other # No.\n}\n`;
  if (kind === 1) return `${t} {T # No. # Yes.}\n`;
  return `${t} {\n  ~%50%a # Yes.\n  ~%50%b # Yes.\n  ~%-100%c # No.\n}\n`;
}

mkdirSync(dir, { recursive: true });
let lua = 'course { id = "bench", title = "Benchmark course", scorm = "1.2" }\n';
for (let m = 1; m <= 16; m++) {
  if (m % 4 === 1) lua += `component "Component ${(m + 3) / 4}"\n`;
  const folder = `${String(m).padStart(2, '0')}-module`;
  const mdir = join(dir, folder);
  mkdirSync(mdir, { recursive: true });
  lua += `module "${folder}"\n`;
  let glossary = '';
  for (let g = 0; g < 4; g++)
    glossary += `## Term ${m} ${g}\n\n${sentence(m * 10 + g, 12)}\n\n`;
  writeFileSync(join(mdir, 'glossary.md'), glossary);
  for (let p = 1; p <= 8; p++) {
    let page = `# Module ${m} page ${p}\n\n`;
    for (let k = 0; k < 6; k++) page += paragraph(m * 100 + p * 10 + k) + '\n\n';
    if (p <= 4) page += `See [term ${m} ${p - 1}](glossary:).[^s${p}]\n\n`;
    if (p >= 2 && p <= 4)
      page += '```check\n' + question(m, 90 + p) + '```\n\n';
    if (p === 5)
      page += '```scenario\n::Scenario:: ' + paragraph(m) +
              '\n\nWhat do you do? {\n  =Refer # Better.\n  ~Refuse # Worse.\n}\n```\n\n';
    if (p <= 4) page += `[^s${p}]: Invented source ${p}, 2026.\n`;
    writeFileSync(join(mdir, `0${p}-page.md`), page);
  }
  let gift = '';
  for (let i = 1; i <= 10; i++) gift += question(m, i) + '\n';
  writeFileSync(join(mdir, 'assessment.gift'), gift);
}
writeFileSync(join(dir, 'course.lua'), lua);
