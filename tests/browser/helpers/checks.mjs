// checks.mjs - what the LMS side must see, checked call by call
// SPDX-License-Identifier: MIT
//
// scorm-again's SCORM 1.2 mode is lenient (it takes 64000 characters of
// suspend_data, one-digit hours, any response format and calls after
// LMSFinish), so the SCORM 1.2 data formats and limits are checked here,
// from the SCORM 1.2 Run-Time Environment's data types. SCORM 2004 mode
// is strict already; the checks below add what it leaves to the SCO.

const DECIMAL = /^-?\d+(\.\d+)?$/;
const TIMESPAN12 = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const TIME12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const ID12 = /^[\x21-\x7e]{1,255}$/;
const CHAR12 = '[0-9a-z]';
const RESPONSE12 = {
  'true-false': /^[01tf]$/,
  choice: new RegExp(`^${CHAR12}(,${CHAR12})*$`),
  'fill-in': /^[^]{0,255}$/,
  numeric: DECIMAL,
  matching: new RegExp(`^${CHAR12}\\.${CHAR12}(,${CHAR12}\\.${CHAR12})*$`),
};
const DURATION2004 = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;

function score(v) {
  return DECIMAL.test(v) && +v >= 0 && +v <= 100;
}

function check12(el, v, types) {
  let m;
  switch (el) {
  case 'cmi.core.lesson_location': return v.length <= 255;
  case 'cmi.core.lesson_status':
    return /^(passed|completed|failed|incomplete|browsed)$/.test(v);
  case 'cmi.core.exit': return /^(time-out|suspend|logout|)$/.test(v);
  case 'cmi.core.session_time': return TIMESPAN12.test(v);
  case 'cmi.core.score.raw':
  case 'cmi.core.score.min':
  case 'cmi.core.score.max': return score(v);
  case 'cmi.suspend_data': return v.length <= 4096;
  default:
  }
  if ((m = /^cmi\.interactions\.(\d+)\.(.*)$/.exec(el))) {
    const n = m[1], field = m[2];
    if (field === 'id') return ID12.test(v);
    if (field === 'type') {
      types[n] = v;
      return /^(true-false|choice|fill-in|matching|performance|likert|sequencing|numeric)$/.test(v);
    }
    if (field === 'time') return TIME12.test(v);
    if (field === 'latency') return TIMESPAN12.test(v);
    if (field === 'weighting') return DECIMAL.test(v);
    if (field === 'result') return /^(correct|wrong|unanticipated|neutral)$/.test(v) || DECIMAL.test(v);
    if (field === 'student_response' || /^correct_responses\.\d+\.pattern$/.test(field)) {
      const re = RESPONSE12[types[n]];
      return !!re && v.length <= 255 && re.test(v);
    }
    return false;
  }
  return false;   // the runtime has no business writing anything else
}

function check2004(el, v) {
  switch (el) {
  case 'cmi.session_time': return DURATION2004.test(v);
  case 'cmi.score.raw':
  case 'cmi.score.min':
  case 'cmi.score.max': return score(v);
  case 'cmi.score.scaled': return DECIMAL.test(v) && +v >= 0 && +v <= 1;
  case 'cmi.location': return v.length <= 1000;
  case 'cmi.suspend_data': return v.length <= 64000;
  default: return true;      // scorm-again's 2004 mode checks the rest
  }
}

// Every problem in a session's recorded calls, as readable lines.
export function callProblems(calls, edition) {
  const v12 = edition === '1.2';
  const finish = v12 ? 'LMSFinish' : 'Terminate';
  const init = v12 ? 'LMSInitialize' : 'Initialize';
  const set = v12 ? 'LMSSetValue' : 'SetValue';
  const out = [], types = {};
  let inits = 0, finishes = 0;
  for (const c of calls) {
    const shown = c.args.map((a) => {
      const j = JSON.stringify(a);
      return j.length > 80 ? `${j.slice(0, 60)}...(${String(a).length} chars)` : j;
    });
    const where = `${c.fn}(${shown.join(', ')})`;
    if (c.error !== '0') out.push(`${where} -> ${c.ret}, error ${c.error}`);
    else if (c.ret === 'false') out.push(`${where} returned false`);
    if (finishes) out.push(`${where} after ${finish}`);
    if (c.fn === init) inits++;
    if (c.fn === finish) finishes++;
    if (c.fn === set) {
      const [el, v] = c.args;
      if (typeof v !== 'string') out.push(`${where}: value is not a string`);
      else if (!(v12 ? check12(el, v, types) : check2004(el, v))) out.push(`${where}: bad value`);
    }
  }
  if (inits !== 1) out.push(`${init} called ${inits} times`);
  if (finishes !== 1) out.push(`${finish} called ${finishes} times`);
  return out;
}

// The last value the SCO set for 'el' in these calls (undefined: never).
export function lastSet(calls, el) {
  let v;
  for (const c of calls) if (/SetValue$/.test(c.fn) && c.args[0] === el) v = c.args[1];
  return v;
}

// The runtime's documented generator (lib/runtime/README.md): FNV-1a
// over UTF-16 units seeding mulberry32, then Fisher-Yates.
export function shuffled(list, seedText) {
  let x = 0x811c9dc5;
  for (let i = 0; i < seedText.length; i++) {
    x ^= seedText.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  let a = x >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let z = Math.imul(a ^ (a >>> 15), 1 | a);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
