/*
 * runtime.js - the course player inside every scormc package
 * SPDX-License-Identifier: MIT
 *
 * Plain browser JavaScript in one function scope: no framework, no ES
 * modules, nothing fetched, so it runs from file:// and from any LMS.
 * It reads window.SCORMC_COURSE (scormc/course.js), talks to the LMS
 * through the SCORM 1.2 or 2004 API (localStorage when there is none)
 * and scores every answer through window.ScormcScorer, the C scorer
 * compiled to WebAssembly. README.md beside this file is the contract.
 */
(function () {
  'use strict';

  var VERSION = 1;                 /* suspend_data format version */
  var COURSE = window.SCORMC_COURSE;
  var SCOPE = document.documentElement.getAttribute('data-scope') || 'all';
  var IDS = 'abcdefghijklmnopqrstuvwxyz0123456789';
  var B32 = '0123456789abcdefghijklmnopqrstuv';

  /* ---- user-interface text ------------------------------------------ */

  var TEXT = {
    noLms: 'No LMS connection: the course runs on its own and keeps ' +
      'your progress in this browser only.',
    lmsFailed: 'The LMS refused the connection (error %1). The course ' +
      'runs on its own and keeps your progress in this browser only.',
    review: 'Review mode: you can browse the course; nothing you do ' +
      'here is recorded.',
    noCredit: 'This launch does not count for credit: you can browse ' +
      'the course; nothing you do here is recorded.',
    ended: 'This session has ended. Close the course and open it again ' +
      'to continue.',
    menu: 'Course menu',
    glossary: 'Glossary',
    intro: 'Introduction',
    previous: 'Previous',
    next: 'Next',
    toAssessment: 'Next: assessment',
    finishModule: 'Finish the module',
    pageOf: 'Page %1 of %2',
    moduleOf: 'Module %1 of %2',
    modules: 'Modules',
    otherModules: 'More modules',
    start: 'Start',
    startModule: 'Start the module',
    continueModule: 'Continue',
    backToPages: 'Back to the pages',
    backTo: 'Back to where you were',
    toModules: 'Go to the modules',
    notes: 'Notes',
    noteRef: 'Note %1',
    tableScroll: 'Table: scroll sideways to see all of it',
    glossaryIndex: 'Terms by first letter',
    reviewTitle: 'Your answers',
    pairRight: '\u2714 correct',
    pairWrong: '\u2716 incorrect',
    pairCorrect: 'correct answer: %1',
    stNotStarted: 'Not started',
    stInProgress: 'In progress: %1 of %2 pages seen',
    stRetake: 'Not passed yet: %1 %; a retake is available',
    stPassed: 'Passed',
    stPassedScore: 'Passed: %1 %',
    stFailed: 'Not passed: %1 %; no attempts left',
    courseProgress: '%1 of %2 modules passed.',
    certificate: 'Certificate',
    certLocked: 'The certificate becomes available once every module ' +
      'is passed.',
    certTitle: 'Certificate of completion',
    certThis: 'This certifies that',
    certLearner: 'the learner',
    certDone: 'has successfully completed the course',
    certOn: 'Date: %1',
    certScore: 'Overall score: %1 %',
    print: 'Print the certificate',
    closing: 'Closing',
    toClosing: 'Continue to the closing page',
    assessment: 'Assessment: %1',
    aQuestions: 'Questions: %1',
    aPassMark: 'Pass mark: %1 %',
    aAttempts: 'Attempts: %1 of %2 used',
    aAttemptsUnlimited: 'Attempts used: %1 (no limit)',
    aKeepBest: 'Your best attempt counts.',
    aKeepLast: 'Your last attempt counts.',
    aTime: 'Time limit: %1 minutes',
    aStart: 'Start the assessment',
    aRetake: 'Retake the assessment',
    aReadOnly: 'The assessment cannot be taken in this mode.',
    aNotTaken: 'You have not taken this assessment yet.',
    aNoAssessment: 'This module has no assessment: it counts as passed ' +
      'once you have seen every page.',
    aPagesLeft: 'Pages still to see: %1.',
    aComplete: 'Module complete.',
    questionOf: 'Question %1 of %2',
    check: 'Check answer',
    checkAgain: 'Check again',
    decide: 'Confirm my decision',
    submit: 'Submit answers',
    submitAnyway: 'Submit anyway',
    keepAnswering: 'Keep answering',
    unanswered: 'You have not answered %1 of %2 questions.',
    answeredOf: '%1 of %2 answered',
    timeLeft: 'Time left: %1',
    timeUp: 'Time is up: your answers have been submitted.',
    chooseFirst: 'Answer the question first.',
    result: 'Your result',
    scored: 'You scored %1 % (pass mark %2 %).',
    passed: 'Passed',
    notPassed: 'Not passed',
    attemptsLeft: 'Attempts left: %1.',
    noAttemptsLeft: 'No attempts left.',
    keptScore: 'The score that counts: %1 %.',
    finalFailed: 'Your result for this module is final.',
    nextModule: 'Next module',
    toMenu: 'Back to the course menu',
    toCertificate: 'View your certificate',
    correct: 'Correct',
    partly: 'Partly correct (%1 %)',
    incorrect: 'Incorrect',
    notAnswered: 'Not answered',
    essayNote: 'Answer recorded. Essays are not scored.',
    better: 'This is the better decision.',
    worse: 'There is a better decision.',
    betterIs: 'The better decision: %1',
    correctAnswer: 'Correct answer: %1',
    correctAnswers: 'Correct answers: %1',
    yourAnswer: 'your answer',
    markCorrect: 'correct answer',
    markBetter: 'better decision',
    between: 'any number from %1 to %2',
    plusMinus: '%1 (\u00b1 %2)',
    selectAll: 'Select every answer that applies.',
    yourAnswerLabel: 'Your answer',
    numberLabel: 'Your answer (a number)',
    notNumber: 'This is not a number: it will count as unanswered.',
    choose: 'Choose\u2026',
    blank: 'blank',
    trueLabel: 'True',
    falseLabel: 'False',
    check1: 'Knowledge check',
    scenario: 'Decision scenario',
    scorerFailed: 'The scoring engine could not start in this browser ' +
      '(%1). Answers cannot be checked.',
    noModule: 'This launch page names a module (%1) that the course ' +
      'does not have.',
    noCourse: 'The course data (scormc/course.js) is missing or has an ' +
      'unknown format.'
  };

  function t(key) {
    var s = TEXT[key], args = arguments;
    return s.replace(/%(\d)/g, function (m, d) { return String(args[+d]); });
  }

  /* ---- small helpers ------------------------------------------------- */

  function h(tag, attrs, kids) {
    var n = document.createElement(tag), k, v;
    for (k in attrs || {}) {
      v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') n.className = v;
      else if (k === 'text') n.textContent = v;
      else if (k === 'html') n.innerHTML = v;
      else if (k.slice(0, 2) === 'on') n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, v === true ? '' : v);
    }
    add(n, kids);
    return n;
  }

  function add(n, kids) {
    if (kids === null || kids === undefined || kids === false) return;
    if (Array.isArray(kids)) { kids.forEach(function (k) { add(n, k); }); }
    else if (typeof kids === 'string') n.appendChild(document.createTextNode(kids));
    else n.appendChild(kids);
  }

  function button(label, action, onclick, cls) {
    return h('button', { type: 'button', class: cls || 'scormc-button',
      'data-action': action, onclick: onclick, text: label });
  }

  function link(label, action, onclick) {
    return h('a', { href: '#', 'data-action': action, text: label,
      onclick: function (e) { e.preventDefault(); onclick(e); } });
  }

  var uidCounter = 0;
  function uid(prefix) { uidCounter += 1; return prefix + uidCounter; }

  function plain(html) {
    var d = document.createElement('div');
    d.innerHTML = html || '';
    return (d.textContent || '').replace(/\s+/g, ' ').trim();
  }

  function decode64(s) {
    var bin = atob(s || ''), out = new Uint8Array(bin.length), i;
    for (i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  var tableCache = {};
  function tableBytes(b64) {
    if (!tableCache[b64]) tableCache[b64] = decode64(b64);
    return tableCache[b64];
  }

  function pad(n, w) {
    var s = String(n);
    while (s.length < w) s = '0' + s;
    return s;
  }

  /* Cut to at most 'n' UTF-16 units without splitting a surrogate pair:
     the LMS-side length checks count units, not characters. */
  function cut(s, n) {
    if (s.length <= n) return s;
    s = s.slice(0, n);
    var c = s.charCodeAt(s.length - 1);
    return c >= 0xd800 && c <= 0xdbff ? s.slice(0, -1) : s;
  }

  /* FNV-1a over UTF-16 units, then mulberry32: a small, documented,
     reproducible generator for the draw and the answer shuffle. */
  function hash32(str) {
    var x = 0x811c9dc5, i;
    for (i = 0; i < str.length; i++) {
      x ^= str.charCodeAt(i);
      x = Math.imul(x, 0x01000193);
    }
    return x >>> 0;
  }

  function rng(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) | 0;
      var z = Math.imul(a ^ (a >>> 15), 1 | a);
      z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
      return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(list, seedText) {
    var out = list.slice(), rand = rng(hash32(seedText)), i, j, tmp;
    for (i = out.length - 1; i > 0; i--) {
      j = Math.floor(rand() * (i + 1));
      tmp = out[i]; out[i] = out[j]; out[j] = tmp;
    }
    return out;
  }

  function range(n) {
    var out = [], i;
    for (i = 0; i < n; i++) out.push(i);
    return out;
  }

  /* ---- time formats --------------------------------------------------- */

  /* SCORM 1.2 CMITimespan: HHHH:MM:SS.SS, 2 to 4 hour digits. */
  function span12(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    if (cs > 999999999) cs = 999999999;        /* 9999:59:59.99 */
    var hrs = Math.floor(cs / 360000), min = Math.floor(cs / 6000) % 60;
    var sec = Math.floor(cs / 100) % 60;
    return pad(hrs, 2) + ':' + pad(min, 2) + ':' + pad(sec, 2) + '.' +
      pad(cs % 100, 2);
  }

  /* SCORM 2004 timeinterval: an ISO 8601 duration such as PT1H2M3.45S. */
  function span2004(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hrs = Math.floor(cs / 360000), min = Math.floor(cs / 6000) % 60;
    var sec = Math.floor(cs / 100) % 60, frac = cs % 100;
    return 'PT' + (hrs ? hrs + 'H' : '') + (min ? min + 'M' : '') + sec +
      (frac ? '.' + pad(frac, 2) : '') + 'S';
  }

  /* SCORM 1.2 CMITime: the local clock, HH:MM:SS. */
  function time12(d) {
    return pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' +
      pad(d.getSeconds(), 2);
  }

  /* ---- the LMS ---------------------------------------------------------- */

  var EL12 = {
    location: 'cmi.core.lesson_location', suspend: 'cmi.suspend_data',
    entry: 'cmi.core.entry', mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit', name: 'cmi.core.student_name',
    exit: 'cmi.core.exit', session: 'cmi.core.session_time',
    raw: 'cmi.core.score.raw', min: 'cmi.core.score.min',
    max: 'cmi.core.score.max', status: 'cmi.core.lesson_status',
    icount: 'cmi.interactions._count'
  };
  var EL2004 = {
    location: 'cmi.location', suspend: 'cmi.suspend_data',
    entry: 'cmi.entry', mode: 'cmi.mode', credit: 'cmi.credit',
    name: 'cmi.learner_name', exit: 'cmi.exit',
    session: 'cmi.session_time', raw: 'cmi.score.raw',
    min: 'cmi.score.min', max: 'cmi.score.max',
    scaled: 'cmi.score.scaled', completion: 'cmi.completion_status',
    success: 'cmi.success_status', icount: 'cmi.interactions._count'
  };

  /* The standard search: up the 'parent' chain, then from the opener.
     A cross-origin window throws on property access; skip it and go on
     climbing, since the API may sit above it. */
  function findApi(name) {
    function climb(win) {
      var i, up;
      for (i = 0; win && i < 500; i++) {
        try { if (win[name]) return win[name]; } catch (e) { /* cross-origin */ }
        try { up = win.parent; } catch (e) { up = null; }
        if (!up || up === win) return null;
        win = up;
      }
      return null;
    }
    var api = climb(window), op = null;
    if (api) return api;
    try { op = window.opener; } catch (e) { op = null; }
    if (op) api = climb(op);
    if (api) return api;
    try { op = window.top.opener; } catch (e) { op = null; }
    return op ? climb(op) : null;
  }

  var lms = {
    live: false,          /* connected to an LMS API */
    v12: true,
    api: null,
    el: EL12,
    ended: false,
    local: null,          /* stand-alone mode: {suspend, location} */
    localKey: '',
    errors: [],
    notice: '',

    connect: function (edition) {
      this.v12 = edition === '1.2';
      this.el = this.v12 ? EL12 : EL2004;
      this.api = findApi(this.v12 ? 'API' : 'API_1484_11');
      if (this.api) {
        var ok = this.call(this.v12 ? 'LMSInitialize' : 'Initialize', ['']);
        if (ok === 'true') { this.live = true; return; }
        this.notice = t('lmsFailed', this.lastError());
      } else {
        this.notice = t('noLms');
      }
      this.openLocal();
    },

    openLocal: function () {
      this.localKey = 'scormc:' + COURSE.id + ':' + SCOPE;
      this.local = null;
      try {
        var raw = window.localStorage.getItem(this.localKey);
        if (raw) this.local = JSON.parse(raw);
      } catch (e) { this.local = null; }
      this.localSaved = !!(this.local && this.local.suspend);
      if (!this.local) this.local = { suspend: '', location: '' };
    },

    call: function (fn, args) {
      var r;
      try { r = String(this.api[fn].apply(this.api, args)); } catch (e) {
        this.errors.push({ call: fn, args: args, error: String(e) });
        return 'false';
      }
      var read = fn === 'GetValue' || fn === 'LMSGetValue';
      if (r === 'false' || read) {
        var code = this.lastError();
        if (code !== '0' && code !== '') {
          this.errors.push({ call: fn, args: args, error: code });
          if (window.console) console.warn('scormc: ' + fn, args, code);
        }
      }
      return r;
    },

    lastError: function () {
      try {
        return String(this.v12 ? this.api.LMSGetLastError() :
          this.api.GetLastError());
      } catch (e) { return '?'; }
    },

    get: function (key) {
      if (!this.live) {
        if (key === 'suspend') return this.local.suspend || '';
        if (key === 'location') return this.local.location || '';
        if (key === 'entry') return this.localSaved ? 'resume' : 'ab-initio';
        return '';
      }
      return this.call(this.v12 ? 'LMSGetValue' : 'GetValue',
        [this.el[key]]);
    },

    set: function (key, value) {
      if (this.ended) return;
      if (!this.live) {
        if (key === 'suspend' || key === 'location') this.local[key] = value;
        return;
      }
      if (!this.el[key]) return;
      this.setRaw(this.el[key], value);
    },

    setRaw: function (element, value) {
      if (!this.live || this.ended) return;
      this.call(this.v12 ? 'LMSSetValue' : 'SetValue', [element, String(value)]);
    },

    commit: function () {
      if (this.ended) return;
      if (!this.live) {
        try {
          window.localStorage.setItem(this.localKey, JSON.stringify(this.local));
        } catch (e) { /* private mode or file:// without storage */ }
        return;
      }
      this.call(this.v12 ? 'LMSCommit' : 'Commit', ['']);
    },

    finish: function () {
      if (this.ended) return;
      if (this.live) this.call(this.v12 ? 'LMSFinish' : 'Terminate', ['']);
      else this.commit();
      this.ended = true;
    }
  };

  /* ---- the course and this launch's scope ----------------------------- */

  var MODS = [];        /* course module indexes this SCO tracks */
  var started = Date.now();
  var readOnly = false;
  var learnerName = '';
  var icount = 0;       /* next cmi.interactions index */
  var state;            /* {loc: token, mods: [moduleState]} */
  var scorerPromise;
  var attempt = null;   /* the assessment attempt on screen, if any */
  var timer = null;
  var backLoc = null;   /* where the glossary's back button goes */

  function mod(mi) { return COURSE.modules[MODS[mi]]; }

  function hasAssessment(m) {
    return !!(m.assessment && m.assessment.questions &&
      m.assessment.questions.length);
  }

  function firstOfCourse(mi) {
    return MODS[mi] === firstCourseModule();
  }

  function firstCourseModule() {
    var comps = COURSE.components || [], i;
    for (i = 0; i < comps.length; i++) {
      if (comps[i].modules && comps[i].modules.length) return comps[i].modules[0];
    }
    return 0;
  }

  function resolveScope() {
    var i;
    if (SCOPE === 'all') { MODS = range(COURSE.modules.length); return true; }
    if (SCOPE === 'certificate') { MODS = []; return true; }
    for (i = 0; i < COURSE.modules.length; i++) {
      if (COURSE.modules[i].id === SCOPE) { MODS = [i]; return true; }
    }
    return false;
  }

  /* ---- the state and its suspend_data encoding -------------------------

     1~L~M0~M1~...   (README.md documents it; the build sizes it)
     L  = i | g | c | x | <module>.<page>  (base36; page == page count is
          the module's assessment screen)
     Mk = <seen>.<attempts>.<best>.<last>.<status>
          seen: pages-seen bitmap, base32, 5 pages a character, page 0 in
          the lowest bit of the first character */

  function freshModuleState(m) {
    return { seen: m.pages.map(function () { return false; }),
      attempts: 0, best: null, last: null, status: 'n' };
  }

  function freshState() {
    return { loc: homeToken(), mods: MODS.map(function (ci) {
      return freshModuleState(COURSE.modules[ci]);
    }) };
  }

  function encodeSeen(seen) {
    var out = '', i, j, v;
    for (i = 0; i < seen.length; i += 5) {
      v = 0;
      for (j = 0; j < 5 && i + j < seen.length; j++) if (seen[i + j]) v |= 1 << j;
      out += B32.charAt(v);
    }
    return out;
  }

  function encodeState(st) {
    var parts = [String(VERSION), st.loc];
    st.mods.forEach(function (ms) {
      /* 'zz' caps unlimited attempts: the build sizes the field so. */
      parts.push([encodeSeen(ms.seen), Math.min(ms.attempts, 1295).toString(36),
        ms.best === null ? '' : ms.best.toString(36),
        ms.last === null ? '' : ms.last.toString(36), ms.status].join('.'));
    });
    return parts.join('~');
  }

  function decodeScore(s) {
    if (s === '') return null;
    var v = parseInt(s, 36);
    return isNaN(v) ? null : Math.max(0, Math.min(100, v));
  }

  /* Decode what an earlier session stored; anything unreadable starts
     that part afresh rather than stopping the course. */
  function decodeState(text) {
    var st = freshState(), parts = String(text || '').split('~');
    if (parts[0] !== String(VERSION)) return null;
    st.mods.forEach(function (ms, mi) {
      var f = (parts[mi + 2] || '').split('.'), i, v;
      if (f.length !== 5) return;
      for (i = 0; i < ms.seen.length; i++) {
        v = B32.indexOf(f[0].charAt(Math.floor(i / 5)));
        ms.seen[i] = v > 0 && (v & (1 << (i % 5))) !== 0;
      }
      ms.attempts = parseInt(f[1], 36) || 0;
      ms.best = decodeScore(f[2]);
      ms.last = decodeScore(f[3]);
      ms.status = 'nipf'.indexOf(f[4]) >= 0 && f[4] ? f[4] : 'n';
    });
    st.loc = parts[1] || homeToken();   /* validated by go() */
    return st;
  }

  function pageToken(mi, p) { return mi.toString(36) + '.' + p.toString(36); }

  function parseToken(tok) {
    var m = /^([0-9a-z]+)\.([0-9a-z]+)$/.exec(tok || '');
    if (m) return { kind: 'page', mi: parseInt(m[1], 36), p: parseInt(m[2], 36) };
    return { kind: tok };
  }

  function validToken(tok) {
    var L = parseToken(tok);
    if (L.kind === 'page') {
      return L.mi < MODS.length && L.p <= mod(L.mi).pages.length;
    }
    if (L.kind === 'g') return !!COURSE.glossary;
    if (L.kind === 'x') return !!COURSE.closing && closingAllowed();
    if (L.kind === 'c') {
      return SCOPE === 'certificate' || SCOPE === 'all' && courseResult().passed;
    }
    if (L.kind === 'i') return SCOPE === 'all' || introHere();
    return false;
  }

  function introHere() {
    return SCOPE !== 'all' && SCOPE !== 'certificate' && !!COURSE.intro &&
      firstOfCourse(0);
  }

  function closingAllowed() {
    if (SCOPE === 'all') return courseResult().passed;
    if (SCOPE === 'certificate') return true;
    return COURSE.layout === 'split' &&
      MODS[0] === COURSE.modules.length - 1 && state.mods[0].status === 'p';
  }

  function homeToken() {
    if (SCOPE === 'all') return 'i';
    if (SCOPE === 'certificate') return 'c';
    return introHere() ? 'i' : pageToken(0, 0);
  }

  /* ---- results ---------------------------------------------------------- */

  function keptScore(mi) {
    var ms = state.mods[mi];
    return mod(mi).keep === 'last' ? ms.last : ms.best;
  }

  function isFinal(ms) { return ms.status === 'p' || ms.status === 'f'; }

  function attemptsLeft(mi) {
    var max = mod(mi).maxAttempts || 0;
    return max === 0 ? Infinity : Math.max(0, max - state.mods[mi].attempts);
  }

  /* The result of everything this SCO tracks: final once every module's
     result is final (passed, or failed with no attempts left). Raw is
     the mean of the assessed modules' scores (issue 2). */
  function courseResult() {
    var mods = state.mods, scores = [], raw = null;
    var final = mods.length > 0 && mods.every(isFinal);
    var passed = final && mods.every(function (ms) { return ms.status === 'p'; });
    mods.forEach(function (ms, mi) {
      if (hasAssessment(mod(mi))) scores.push(keptScore(mi) || 0);
    });
    if (scores.length) raw = meanOf(scores);
    else if (final) raw = null;
    return { final: final, passed: passed, raw: raw };
  }

  function meanOf(scores) {
    if (scorerReady && typeof scorerReady.mean === 'function') {
      return scorerReady.mean(scores);
    }
    var sum = scores.reduce(function (a, b) { return a + b; }, 0);
    return Math.round(sum / scores.length * 100) / 100;
  }

  /* Write status and score exactly as issue 2 says: raw/min/max (and
     scaled in 2004) and passed/failed only once the result is final;
     incomplete (2004: incomplete + unknown) until then. A raw score under
     Moodle's mastery score turns into 'failed' at LMSFinish and locks a
     retake, so nothing provisional is ever written. */
  function syncResults() {
    if (!lms.live || readOnly) return;
    var r, done;
    if (SCOPE === 'certificate') {
      done = true;
      if (lms.v12) lms.set('status', 'completed');
      else { lms.set('completion', 'completed'); lms.set('success', 'unknown'); }
    } else {
      r = courseResult();
      done = r.final;
      if (r.final && r.raw !== null) {
        lms.set('raw', String(r.raw));
        lms.set('min', '0');
        lms.set('max', '100');
        if (!lms.v12) lms.set('scaled', String(Math.round(r.raw * 100) / 10000));
      }
      if (lms.v12) {
        lms.set('status', r.final ? (r.passed ? 'passed' : 'failed') : 'incomplete');
      } else {
        lms.set('completion', r.final ? 'completed' : 'incomplete');
        lms.set('success', r.final ? (r.passed ? 'passed' : 'failed') : 'unknown');
      }
    }
    lms.set('exit', done ? (lms.v12 ? '' : 'normal') : 'suspend');
  }

  /* Save the bookmark, the state and the result, then commit: after
     every page turn and answer, so nothing depends on the page's end. */
  function persist() {
    if (lms.ended) return;
    if (!readOnly) {
      var data = encodeState(state);
      if (lms.v12 && data.length > 4096) {
        lms.errors.push({ call: 'suspend_data', error: 'over 4096: ' + data.length });
      }
      lms.set('location', state.loc);
      lms.set('suspend', data);
      syncResults();
    }
    if (lms.live) lms.set('session', sessionTime());
    lms.commit();
  }

  function sessionTime() {
    var ms = Date.now() - started;
    return lms.v12 ? span12(ms) : span2004(ms);
  }

  function markSeen(mi, p) {
    var ms = state.mods[mi];
    if (readOnly) return;
    ms.seen[p] = true;
    if (ms.status === 'n') ms.status = 'i';
    if (!hasAssessment(mod(mi)) && ms.seen.every(Boolean)) ms.status = 'p';
  }

  /* ---- the scorer ------------------------------------------------------- */

  var scorerReady = null;
  var scorerError = '';

  function startScorer() {
    try {
      if (!window.ScormcScorer || !window.SCORMC_WASM) {
        throw new Error('scormc/scorer.js or scormc/scorer-wasm.js missing');
      }
      scorerPromise = Promise.resolve(
        window.ScormcScorer.create(decode64(window.SCORMC_WASM)));
    } catch (e) {
      scorerPromise = Promise.reject(e);
    }
    scorerPromise.then(function (s) { scorerReady = s; }, function (e) {
      scorerError = String(e && e.message || e);
    });
  }

  function withScorer(host, fn) {
    scorerPromise.then(fn, function (e) {
      var msg = h('p', { class: 'scormc-error', role: 'alert',
        text: t('scorerFailed', String(e && e.message || e)) });
      host.appendChild(msg);
    });
  }

  function wholePercent(p) {
    /* Floor: the pass decision on the stored whole number is then exactly
       the decision on the true percentage for any whole pass mark. */
    return Math.max(0, Math.min(100, Math.floor((+p || 0) + 1e-9)));
  }

  /* ---- page chrome ------------------------------------------------------ */

  var app, header, noticeBox, main;

  function buildChrome() {
    app = document.getElementById('scormc-app') || document.body;
    app.innerHTML = '';
    header = h('header', { class: 'scormc-header' });
    noticeBox = h('div', { class: 'scormc-notices' });
    main = h('main', { id: 'scormc-main', class: 'scormc-main', tabindex: '-1' });
    app.appendChild(header);
    app.appendChild(noticeBox);
    app.appendChild(main);
  }

  function renderHeader() {
    header.innerHTML = '';
    var nav = h('nav', { class: 'scormc-nav', 'aria-label': COURSE.title });
    header.appendChild(h('p', { class: 'scormc-course-title', text: COURSE.title }));
    if (SCOPE === 'all') nav.appendChild(link(t('menu'), 'menu', function () { go('i'); }));
    if (introHere()) nav.appendChild(link(t('intro'), 'intro', function () { go('i'); }));
    if (COURSE.glossary) {
      nav.appendChild(link(t('glossary'), 'glossary', function () {
        openGlossary(null);
      }));
    }
    if (nav.childNodes.length) header.appendChild(nav);
  }

  function notice(text, cls) {
    noticeBox.appendChild(h('p', { class: 'scormc-notice ' + (cls || ''),
      role: 'status', text: text }));
  }

  function setMain(kids) {
    stopTimer();
    main.innerHTML = '';
    add(main, kids);
    var head = main.querySelector('h1');
    if (!head) {
      head = h('h1', { class: 'scormc-sr-only', text: COURSE.title });
      main.insertBefore(head, main.firstChild);
    }
    head.setAttribute('tabindex', '-1');
    window.scrollTo(0, 0);
    try { head.focus({ preventScroll: true }); } catch (e) { head.focus(); }
    markScrollers();
  }

  /* A table wider than the page scrolls inside its wrapper; only then
     is the wrapper a named, focusable region, so a keyboard can scroll
     it and a screen reader says why it is there. */
  function markScrollers() {
    if (!main) return;
    Array.prototype.forEach.call(main.querySelectorAll('.scormc-table-wrap'), function (w) {
      if (w.scrollWidth > w.clientWidth + 1) {
        w.setAttribute('tabindex', '0');
        w.setAttribute('role', 'region');
        w.setAttribute('aria-label', t('tableScroll'));
      } else {
        w.removeAttribute('tabindex');
        w.removeAttribute('role');
        w.removeAttribute('aria-label');
      }
    });
  }

  /* Move focus to an element of the page (a footnote, a glossary term)
     and show it: in-page links do this in script, so the address of the
     LMS frame never changes and focus always follows. */
  function focusTarget(el, highlight) {
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    Array.prototype.forEach.call(main.querySelectorAll('.scormc-target'), function (x) {
      x.classList.remove('scormc-target');
    });
    if (highlight) {
      highlight.forEach(function (x) { if (x) x.classList.add('scormc-target'); });
    }
    try { el.focus({ preventScroll: true }); } catch (e) { el.focus(); }
    if (el.scrollIntoView) el.scrollIntoView({ block: 'start' });
  }

  function byId(id) {
    return id ? document.getElementById(id) : null;
  }

  /* Course HTML from the build: make sure it has a top heading. */
  function article(html, title, cls) {
    var a = h('article', { class: cls || 'scormc-page', html: html || '' });
    if (!a.querySelector('h1')) a.insertBefore(h('h1', { text: title }), a.firstChild);
    return a;
  }

  /* ---- navigation --------------------------------------------------------- */

  function go(tok, opts) {
    if (!validToken(tok)) tok = homeToken();
    attempt = null;
    state.loc = tok;
    var L = parseToken(tok);
    if (L.kind === 'page' && L.p < mod(L.mi).pages.length) viewPage(L.mi, L.p);
    else if (L.kind === 'page') viewAssessment(L.mi, null);
    else if (L.kind === 'g') viewGlossary(opts && opts.term);
    else if (L.kind === 'c') viewCertificate();
    else if (L.kind === 'x') viewClosing();
    else viewHome();
    renderHeader();
    persist();
  }

  function openGlossary(term) {
    if (state.loc !== 'g') backLoc = state.loc;
    go('g', { term: term });
  }

  /* Links to glossary terms in course HTML open the glossary at the
     term; knowledge checks and scenarios fill their placeholders. */
  function hydrate(root, mi) {
    Array.prototype.forEach.call(root.querySelectorAll('table'), function (table) {
      if (table.parentNode.classList &&
          table.parentNode.classList.contains('scormc-table-wrap')) return;
      var wrap = h('div', { class: 'scormc-table-wrap' });
      table.parentNode.insertBefore(wrap, table);
      wrap.appendChild(table);
    });
    hydrateFootnotes(root);
    Array.prototype.forEach.call(root.querySelectorAll('a.scormc-term'),
      function (a) {
        a.addEventListener('click', function (e) {
          e.preventDefault();
          openGlossary(a.getAttribute('data-term'));
        });
      });
    if (mi === null) return;
    var m = mod(mi);
    Array.prototype.forEach.call(root.querySelectorAll('.scormc-check'),
      function (div) {
        var c = (m.checks || [])[+div.getAttribute('data-check')];
        if (c) mountCheck(div, c, 'check');
      });
    Array.prototype.forEach.call(root.querySelectorAll('.scormc-scenario'),
      function (div) {
        var c = (m.scenarios || [])[+div.getAttribute('data-scenario')];
        if (c) mountCheck(div, c, 'scenario');
      });
  }

  /* cmark-gfm's footnotes: a 'Notes' heading over the list, references
     named 'Note 1' rather than '1', and links that move focus. */
  function hydrateFootnotes(root) {
    Array.prototype.forEach.call(root.querySelectorAll('section.footnotes'), function (sec) {
      if (sec.querySelector('.scormc-notes-h')) return;
      var hid = uid('scormc-notes-');
      sec.insertBefore(h('h2', { id: hid, class: 'scormc-notes-h', text: t('notes') }), sec.firstChild);
      sec.setAttribute('aria-labelledby', hid);
    });
    Array.prototype.forEach.call(root.querySelectorAll('a[data-footnote-ref]'), function (a) {
      a.setAttribute('aria-label', t('noteRef', a.textContent.trim()));
      a.addEventListener('click', function (e) {
        var li = byId((a.getAttribute('href') || '').replace(/^#/, ''));
        if (!li) return;
        e.preventDefault();
        focusTarget(li, [li]);
      });
    });
    Array.prototype.forEach.call(root.querySelectorAll('a[data-footnote-backref]'), function (a) {
      a.addEventListener('click', function (e) {
        var ref = byId((a.getAttribute('href') || '').replace(/^#/, ''));
        if (!ref) return;
        e.preventDefault();
        try { ref.focus({ preventScroll: true }); } catch (x) { ref.focus(); }
        if (ref.scrollIntoView) ref.scrollIntoView({ block: 'center' });
      });
    });
  }

  /* ---- views -------------------------------------------------------------- */

  function viewHome() {
    if (SCOPE !== 'all') { viewIntroOnly(); return; }
    var kids = [], intro = COURSE.intro;
    if (intro) {
      var a = article(intro.html, intro.title, 'scormc-page scormc-intro');
      hydrate(a, null);
      var skip = h('p', { class: 'scormc-skip' }, [
        link(t('toModules'), 'to-modules', function () {
          var mh = document.getElementById('scormc-menu-h');
          if (mh) focusTarget(mh, null);
        })]);
      var top = a.querySelector('h1');
      top.parentNode.insertBefore(skip, top.nextSibling);
      kids.push(a);
    } else {
      kids.push(h('h1', { text: COURSE.title }));
    }
    kids.push(menu());
    setMain(kids);
  }

  function viewIntroOnly() {
    var a = article(COURSE.intro.html, COURSE.intro.title,
      'scormc-page scormc-intro');
    hydrate(a, null);
    setMain([a, h('nav', { class: 'scormc-pager' }, [
      button(t('startModule'), 'next', function () { go(pageToken(0, 0)); })
    ])]);
  }

  function moduleStatusText(mi) {
    var ms = state.mods[mi], seen = ms.seen.filter(Boolean).length;
    var score = keptScore(mi);
    if (ms.status === 'p') {
      return score === null ? t('stPassed') : t('stPassedScore', score);
    }
    if (ms.status === 'f') return t('stFailed', score);
    if (ms.attempts > 0) return t('stRetake', score);
    if (ms.status === 'n') return t('stNotStarted');
    return t('stInProgress', seen, ms.seen.length);
  }

  function resumeToken(mi) {
    var ms = state.mods[mi], p = ms.seen.indexOf(false);
    if (ms.attempts > 0 || isFinal(ms)) p = ms.seen.length;
    return pageToken(mi, p < 0 ? ms.seen.length : p);
  }

  function menu() {
    var sec = h('section', { class: 'scormc-menu', 'aria-labelledby': 'scormc-menu-h' });
    var listed = {}, r = courseResult(), number = 0;
    var passedCount = state.mods.filter(function (ms) { return ms.status === 'p'; }).length;
    sec.appendChild(h('h2', { id: 'scormc-menu-h', text: t('modules') }));
    sec.appendChild(h('p', { class: 'scormc-course-progress',
      text: t('courseProgress', passedCount, state.mods.length) }));
    function group(title, list) {
      var ol = h('ol', { class: 'scormc-module-list', start: String(number + 1) });
      list.forEach(function (ci) {
        var mi = MODS.indexOf(ci);
        if (mi < 0) return;
        listed[ci] = true;
        number += 1;
        ol.appendChild(h('li', { class: 'scormc-module status-' + state.mods[mi].status,
          'data-module': mod(mi).id }, [
          link(mod(mi).title, 'module', function () { go(resumeToken(mi)); }),
          h('span', { class: 'scormc-module-status' }, [
            h('span', { class: 'scormc-sr-only', text: ' \u2014 ' }), moduleStatusText(mi)])
        ]));
      });
      if (!ol.childNodes.length) return;
      if (title) sec.appendChild(h('h3', { text: title }));
      sec.appendChild(ol);
    }
    (COURSE.components || []).forEach(function (c) { group(c.title, c.modules || []); });
    group((COURSE.components || []).length ? t('otherModules') : '',
      MODS.filter(function (ci) { return !listed[ci]; }));
    var end = h('p', { class: 'scormc-menu-end' });
    if (r.passed) {
      end.appendChild(link(t('toCertificate'), 'certificate', function () { go('c'); }));
    } else {
      end.textContent = t('certLocked');
    }
    sec.appendChild(end);
    return sec;
  }

  function viewPage(mi, p) {
    var m = mod(mi), page = m.pages[p], n = m.pages.length;
    markSeen(mi, p);
    var crumb = SCOPE === 'all' ?
      t('moduleOf', mi + 1, MODS.length) + ': ' + m.title : m.title;
    var a = article(page.html, page.title);
    hydrate(a, mi);
    var prog = h('div', { class: 'scormc-progress' }, [
      h('span', { id: 'scormc-progress-label', text: t('pageOf', p + 1, n) }),
      h('progress', { max: String(n), value: String(p + 1),
        'aria-labelledby': 'scormc-progress-label' })
    ]);
    var pager = h('nav', { class: 'scormc-pager', 'aria-label': t('pageOf', p + 1, n) });
    var prev = button(t('previous'), 'prev', function () {
      go(p > 0 ? pageToken(mi, p - 1) : 'i');
    });
    if (p === 0 && !(SCOPE === 'all' || introHere())) prev.disabled = true;
    pager.appendChild(prev);
    pager.appendChild(button(p + 1 < n ? t('next') :
      (hasAssessment(m) ? t('toAssessment') : t('finishModule')), 'next',
      function () { go(pageToken(mi, p + 1)); }, 'scormc-button scormc-primary'));
    setMain([h('p', { class: 'scormc-crumb', text: crumb }), prog, a, pager]);
  }

  function facts(mi) {
    var m = mod(mi), ms = state.mods[mi], ul = h('ul', { class: 'scormc-facts' });
    var count = drawCount(m);
    ul.appendChild(h('li', { text: t('aQuestions', count) }));
    ul.appendChild(h('li', { text: t('aPassMark', m.passMark) }));
    ul.appendChild(h('li', { text: m.maxAttempts ?
      t('aAttempts', ms.attempts, m.maxAttempts) :
      t('aAttemptsUnlimited', ms.attempts) }));
    if ((m.maxAttempts || 0) !== 1) {
      ul.appendChild(h('li', { text: m.keep === 'last' ? t('aKeepLast') : t('aKeepBest') }));
    }
    if (m.timeLimit) ul.appendChild(h('li', { text: t('aTime', m.timeLimit) }));
    return ul;
  }

  function drawCount(m) {
    var n = m.assessment.questions.filter(function (q) {
      return q.type !== 'description';
    }).length;
    return m.draw > 0 && m.draw < n ? m.draw : n;
  }

  /* The module's assessment screen: facts, the standing result and the
     way on. 'done' carries a just-submitted attempt's outcome. */
  function viewAssessment(mi, done) {
    var m = mod(mi), ms = state.mods[mi], kids = [];
    kids.push(h('p', { class: 'scormc-crumb', text: SCOPE === 'all' ?
      t('moduleOf', mi + 1, MODS.length) + ': ' + m.title : m.title }));
    if (!hasAssessment(m)) {
      kids.push(h('h1', { text: m.title }));
      var left = ms.seen.filter(function (s) { return !s; }).length;
      kids.push(h('p', { text: t('aNoAssessment') }));
      kids.push(h('p', { text: left ? t('aPagesLeft', left) : t('aComplete') }));
      kids.push(wayOn(mi));
      setMain(kids);
      return;
    }
    kids.push(h('h1', { text: t('assessment', m.title) }));
    kids.push(facts(mi));
    if (done) kids.push(resultBox(mi, done));
    else if (ms.attempts > 0) kids.push(resultBox(mi, null));
    else kids.push(h('p', { text: t('aNotTaken') }));
    var actions = h('div', { class: 'scormc-actions' });
    if (!isFinal(ms) && attemptsLeft(mi) > 0) {
      if (readOnly) {
        actions.appendChild(h('p', { text: t('aReadOnly') }));
      } else {
        actions.appendChild(button(ms.attempts ? t('aRetake') : t('aStart'),
          ms.attempts ? 'retake' : 'start', function () { startAttempt(mi); },
          'scormc-button scormc-primary'));
      }
    }
    actions.appendChild(button(t('backToPages'), 'pages', function () {
      go(pageToken(mi, 0));
    }));
    kids.push(actions);
    kids.push(wayOn(mi));
    if (done && done.review) kids.push(done.review);
    setMain(kids);
    if (done) {
      var box = main.querySelector('.scormc-result h2');
      if (box) box.focus();
    }
  }

  function resultBox(mi, done) {
    var m = mod(mi), ms = state.mods[mi], box = h('section', {
      class: 'scormc-result', 'aria-labelledby': 'scormc-result-h' });
    var pct = done ? done.percent : ms.last;
    var pass = done ? done.percent >= m.passMark : ms.status === 'p';
    box.classList.add(pass ? 'is-pass' : 'is-fail');
    box.appendChild(h('h2', { id: 'scormc-result-h', tabindex: '-1', text: t('result') }));
    box.appendChild(h('p', { text: t('scored', pct, m.passMark) }));
    box.appendChild(h('p', { class: 'scormc-verdict ' + (pass ? 'is-pass' : 'is-fail') }, [
      h('span', { 'aria-hidden': 'true', text: pass ? '\u2714 ' : '\u2716 ' }),
      pass ? t('passed') : t('notPassed')
    ]));
    if (!pass) {
      var left = attemptsLeft(mi);
      box.appendChild(h('p', { text: ms.status === 'f' ? t('noAttemptsLeft') + ' ' +
        t('finalFailed') : (left === Infinity ? '' : t('attemptsLeft', left)) }));
    }
    if (ms.attempts > 1 && keptScore(mi) !== null) {
      box.appendChild(h('p', { text: t('keptScore', keptScore(mi)) }));
    }
    return box;
  }

  /* Buttons to carry on after a module's assessment or last page. */
  function wayOn(mi) {
    var nav = h('nav', { class: 'scormc-pager scormc-way-on' });
    var r = courseResult();
    if (SCOPE === 'all') {
      if (r.passed) {
        nav.appendChild(button(t('toCertificate'), 'certificate', function () {
          go('c');
        }, 'scormc-button scormc-primary'));
      } else if (mi + 1 < MODS.length && isFinal(state.mods[mi])) {
        nav.appendChild(button(t('nextModule'), 'next-module', function () {
          go(resumeToken(mi + 1));
        }, 'scormc-button scormc-primary'));
      }
      nav.appendChild(button(t('toMenu'), 'menu', function () { go('i'); }));
    } else if (closingAllowed() && COURSE.closing) {
      nav.appendChild(button(t('toClosing'), 'closing', function () { go('x'); }));
    }
    return nav;
  }

  function viewGlossary(term) {
    var g = COURSE.glossary, kids = [h('h1', { text: g.title || t('glossary') })];
    var body;
    if (g.html && /id="glossary-/.test(g.html) || !(g.terms && g.terms.length)) {
      body = h('div', { class: 'scormc-glossary', html: g.html || '' });
      var inner = body.querySelector('h1');
      if (inner) inner.parentNode.removeChild(inner);
    } else {
      body = h('dl', { class: 'scormc-glossary' });
      g.terms.forEach(function (e) {
        body.appendChild(h('dt', { id: 'glossary-' + e.id, tabindex: '-1', text: e.term }));
        body.appendChild(h('dd', { html: e.html }));
      });
    }
    hydrate(body, null);
    var back = backLoc && backLoc !== 'g' ? backLoc : null;
    if (back) {
      kids.push(h('div', { class: 'scormc-back-bar' }, [
        button(t('backTo'), 'back', function () { go(back); })]));
    }
    var index = glossaryIndex(body);
    if (index) kids.push(index);
    kids.push(body);
    setMain(kids);
    if (term) {
      var target = document.getElementById('glossary-' + term);
      if (target) focusTarget(target, [target, definitionOf(target)]);
    }
  }

  function definitionOf(dt) {
    var n = dt.nextElementSibling;
    return n && n.tagName === 'DD' ? n : null;
  }

  /* A long glossary gets links to the first term of every letter. */
  function glossaryIndex(body) {
    var terms = body.querySelectorAll('[id^="glossary-"]'), seen = {}, links = [];
    if (terms.length < 12) return null;
    Array.prototype.forEach.call(terms, function (el) {
      var c = (el.textContent || '').trim().charAt(0);
      var key = /[0-9]/.test(c) ? '0\u20139' : c.toLocaleUpperCase();
      if (!key || seen[key]) return;
      seen[key] = true;
      links.push(h('li', null, [h('a', { href: '#' + el.id, text: key,
        onclick: function (e) {
          e.preventDefault();
          focusTarget(el, [el, definitionOf(el)]);
        } })]));
    });
    if (links.length < 2) return null;
    return h('nav', { class: 'scormc-az', 'aria-label': t('glossaryIndex') }, [
      h('ul', null, links)]);
  }

  function displayName(raw) {
    /* LMSs give 'Family, Given'; a certificate reads 'Given Family'. */
    var parts = String(raw || '').split(',');
    if (parts.length === 2 && parts[0].trim() && parts[1].trim()) {
      return parts[1].trim() + ' ' + parts[0].trim();
    }
    return String(raw || '').trim();
  }

  function viewCertificate() {
    var r = SCOPE === 'all' ? courseResult() : null;
    var date;
    try {
      date = new Date().toLocaleDateString(COURSE.language || undefined,
        { year: 'numeric', month: 'long', day: 'numeric' });
    } catch (e) { date = new Date().toDateString(); }
    var cert = h('section', { class: 'scormc-certificate', 'aria-labelledby': 'scormc-cert-h' }, [
      h('h1', { id: 'scormc-cert-h', text: t('certTitle') }),
      h('p', { text: t('certThis') }),
      h('p', { class: 'scormc-cert-name', text: displayName(learnerName) || t('certLearner') }),
      h('p', { text: t('certDone') }),
      h('p', { class: 'scormc-cert-course', text: COURSE.title }),
      h('p', { text: t('certOn', date) })
    ]);
    if (r && r.raw !== null) {
      var table = h('table', { class: 'scormc-cert-scores' });
      state.mods.forEach(function (ms, mi) {
        var s = keptScore(mi);
        table.appendChild(h('tr', null, [h('th', { scope: 'row', text: mod(mi).title }),
          h('td', { text: s === null ? t('passed') : s + ' %' })]));
      });
      cert.appendChild(table);
      cert.appendChild(h('p', { text: t('certScore', r.raw) }));
    }
    var nav = h('nav', { class: 'scormc-pager scormc-no-print' }, [
      button(t('print'), 'print', function () { window.print(); })
    ]);
    if (COURSE.closing) nav.appendChild(button(t('toClosing'), 'closing', function () { go('x'); }));
    setMain([cert, nav]);
  }

  function viewClosing() {
    var c = COURSE.closing, a = article(c.html, c.title, 'scormc-page scormc-closing');
    hydrate(a, null);
    var nav = h('nav', { class: 'scormc-pager' });
    if (SCOPE === 'all') nav.appendChild(button(t('toMenu'), 'menu', function () { go('i'); }));
    if (SCOPE === 'certificate') {
      nav.appendChild(button(t('certificate'), 'certificate', function () { go('c'); }));
    }
    setMain([a, nav]);
  }

  /* ---- questions ---------------------------------------------------------- */

  /* Identifiers the LMS sees for answer i: single characters (SCORM 1.2
     allows only 0-9 a-z for choices), so at most 36 in 1.2. */
  function choiceId(i) {
    if (i < IDS.length) return IDS.charAt(i);
    return lms.v12 ? null : 'c' + i;
  }

  function uniqueRights(q) {
    var out = [];
    (q.rights || []).forEach(function (r) { if (out.indexOf(r) < 0) out.push(r); });
    return out;
  }

  /* The accessible form for one question. 'o': {label, seed (null = no
     shuffle), prefix}. Returns the node and accessors. */
  function questionUI(q, o) {
    var id = uid(o.prefix || 'q'), textId = id + '-text', legendId = id + '-legend';
    var textHtml = q.text || '';
    if (q.textAfter !== null && q.textAfter !== undefined) {
      /* Missing word: the text before and after the blank arrive as two
         paragraphs; join them into one sentence around the blank. */
      var after = String(q.textAfter);
      if (/<\/p>\s*$/.test(textHtml) && /^\s*<p>/.test(after)) {
        textHtml = textHtml.replace(/<\/p>\s*$/, '');
        after = after.replace(/^\s*<p>/, '');
      }
      textHtml += ' <span class="scormc-blank">_____<span class="scormc-sr-only"> (' +
        t('blank') + ')</span></span> ' + after;
    }
    if (q.type === 'description') {
      return { node: h('div', { class: 'scormc-q scormc-q-description', html: textHtml }),
        response: function () { return undefined; }, lock: function () {},
        mark: function () {}, inputs: [], scored: false };
    }
    var fs = h('fieldset', { class: 'scormc-q scormc-q-' + q.type,
      'data-qid': q.id, 'aria-labelledby': legendId + ' ' + textId });
    fs.appendChild(h('legend', { id: legendId, text: o.label }));
    fs.appendChild(h('div', { id: textId, class: 'scormc-q-text', html: textHtml }));
    var ui = { node: fs, inputs: [], options: [], scored: q.type !== 'essay', q: q };
    var body = h('div', { class: 'scormc-q-body' });
    fs.appendChild(body);
    var order = range((q.answers || []).length);
    if (o.seed !== null && o.seed !== undefined &&
        (q.type === 'single' || q.type === 'multi')) {
      order = shuffled(order, o.seed);
    }
    if (q.type === 'single' || q.type === 'multi' || q.type === 'truefalse') {
      var multi = q.type === 'multi', hintId = id + '-hint';
      if (multi) body.appendChild(h('p', { id: hintId, class: 'scormc-hint', text: t('selectAll') }));
      var opts = q.type === 'truefalse' ? [
        { idx: 0, html: null, text: t('trueLabel'), value: true },
        { idx: 1, html: null, text: t('falseLabel'), value: false }
      ] : order.map(function (i) {
        return { idx: i, html: q.answers[i].text, value: q.answers[i].value };
      });
      opts.forEach(function (opt, k) {
        var inputId = id + '-o' + k;
        var input = h('input', { type: multi ? 'checkbox' : 'radio', id: inputId,
          name: id, value: String(opt.idx), 'data-value': String(opt.value) });
        var label = h('label', { for: inputId });
        if (opt.html !== null) label.innerHTML = opt.html; else label.textContent = opt.text;
        var markSpan = h('span', { class: 'scormc-mark', id: inputId + '-mark' });
        input.setAttribute('aria-describedby', (multi ? hintId + ' ' : '') + inputId + '-mark');
        var row = h('div', { class: 'scormc-option' }, [input, ' ', label, markSpan]);
        body.appendChild(row);
        ui.inputs.push(input);
        ui.options.push({ input: input, opt: opt, mark: markSpan, row: row });
      });
      ui.response = function () {
        var chosen = ui.options.filter(function (o2) { return o2.input.checked; });
        if (!chosen.length) return undefined;
        if (q.type === 'truefalse') return chosen[0].opt.value;
        if (!multi) return chosen[0].opt.value;
        return chosen.map(function (o2) { return o2.opt.value; });
      };
      ui.chosen = function () {
        return ui.options.filter(function (o2) { return o2.input.checked; })
          .map(function (o2) { return o2.opt.idx; });
      };
    } else if (q.type === 'matching') {
      var rights = uniqueRights(q);
      var shown = o.seed !== null && o.seed !== undefined ? shuffled(rights, o.seed) :
        rights.slice().sort(function (a, b) { return a.localeCompare(b); });
      ui.selects = [];
      (q.lefts || []).forEach(function (left, li) {
        var sid = id + '-m' + li;
        var sel = h('select', { id: sid, 'data-left': left, 'aria-describedby': sid + '-mark' },
          [h('option', { value: '', text: t('choose') })].concat(shown.map(function (r) {
            return h('option', { value: r, text: r });
          })));
        var markSpan = h('span', { class: 'scormc-mark', id: sid + '-mark' });
        body.appendChild(h('div', { class: 'scormc-match-row' }, [
          h('label', { for: sid, text: left }), ' ', sel, markSpan]));
        ui.inputs.push(sel);
        ui.selects.push({ sel: sel, left: left, li: li, mark: markSpan });
      });
      ui.response = function () {
        var out = {}, any = false;
        ui.selects.forEach(function (s) {
          if (s.sel.value !== '') { out[s.left] = s.sel.value; any = true; }
        });
        return any ? out : undefined;
      };
    } else {
      var fid = id + '-input', essay = q.type === 'essay', numeric = q.type === 'numerical';
      var field = essay ? h('textarea', { id: fid, rows: '6' }) :
        h('input', { id: fid, type: 'text', autocomplete: 'off', spellcheck: 'false',
          inputmode: numeric ? 'decimal' : null });
      body.appendChild(h('label', { for: fid, text: numeric ? t('numberLabel') : t('yourAnswerLabel') }));
      body.appendChild(field);
      if (numeric) {
        var warn = h('p', { class: 'scormc-hint', id: fid + '-warn', 'aria-live': 'polite' });
        field.setAttribute('aria-describedby', fid + '-warn');
        body.appendChild(warn);
        field.addEventListener('input', function () {
          var v = field.value.trim();
          warn.textContent = v && parseNumber(v) === undefined ? t('notNumber') : '';
        });
      }
      ui.inputs.push(field);
      ui.field = field;
      ui.response = function () {
        var v = field.value.trim();
        if (!v) return undefined;
        return numeric ? parseNumber(v) : v;
      };
    }
    ui.lock = function () { ui.inputs.forEach(function (i) { i.disabled = true; }); };
    ui.unlock = function () { ui.inputs.forEach(function (i) { i.disabled = false; }); };
    ui.mark = function (showCorrect, kind) { markOptions(ui, showCorrect, kind); };
    ui.feedbackHost = h('div', { class: 'scormc-feedback', tabindex: '-1' });
    fs.appendChild(ui.feedbackHost);
    return ui;
  }

  function parseNumber(v) {
    var s = v.replace(/\s/g, '').replace(/,/g, '.');
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
    var n = Number(s);
    return isFinite(n) ? n : undefined;
  }

  /* Which answers are right, for showing them: not scoring. */
  function correctIndexes(q) {
    var best = 0;
    (q.answers || []).forEach(function (a) { if (a.weight > best) best = a.weight; });
    if (q.type === 'multi') {
      return range(q.answers.length).filter(function (i) { return q.answers[i].weight > 0; });
    }
    return range((q.answers || []).length).filter(function (i) {
      return best > 0 && q.answers[i].weight === best;
    });
  }

  function correctText(q) {
    if (q.type === 'truefalse') return q.truth ? t('trueLabel') : t('falseLabel');
    if (q.type === 'matching') {
      return (q.lefts || []).map(function (l, i) { return l + ' \u2192 ' + q.rights[i]; }).join('; ');
    }
    if (q.type === 'essay' || q.type === 'description') return '';
    return correctIndexes(q).map(function (i) {
      var a = q.answers[i], b = q.type === 'numerical' ? numericBounds(a) : null;
      if (!b) return plain(a.text);
      /* 'value:tolerance' and 'min..max' are GIFT, not words. */
      if (b.min === b.max) return num(b.mid);
      return b.kind === 'range' ? t('between', num(b.min), num(b.max)) :
        t('plusMinus', num(b.mid), num(b.max - b.mid));
    }).join('; ');
  }

  /* Text markers next to options, so right and wrong never rely on
     colour alone. */
  function markOptions(ui, showCorrect, kind) {
    var rightWord = kind === 'scenario' ? t('markBetter') : t('markCorrect');
    var q = ui.q, right = correctIndexes(q);
    (ui.options || []).forEach(function (o) {
      var bits = [];
      var isRight = q.type === 'truefalse' ? o.opt.value === !!q.truth : right.indexOf(o.opt.idx) >= 0;
      if (o.input.checked) bits.push(t('yourAnswer'));
      if (showCorrect && isRight) bits.push('\u2714 ' + rightWord);
      o.mark.textContent = bits.length ? ' (' + bits.join(', ') + ')' : '';
      o.row.classList.toggle('is-correct', !!(showCorrect && isRight));
    });
    (ui.selects || []).forEach(function (s) {
      var ok = s.sel.value === q.rights[s.li], bits = [];
      bits.push(s.sel.value === '' ? t('notAnswered') : ok ? t('pairRight') : t('pairWrong'));
      if (showCorrect && !ok) bits.push(t('pairCorrect', q.rights[s.li]));
      s.mark.textContent = bits.join('; ');
    });
  }

  /* Feedback for one answered question: a verdict in words, the chosen
     answers' feedback, the general feedback and, when the course says
     so, the right answers. 'credit' comes from the scorer. */
  function feedbackContent(q, ui, credit, showCorrect, kind) {
    var out = [], resp = ui.response(), verdict, sym;
    if (resp === undefined) { verdict = t('notAnswered'); sym = '\u2716'; }
    else if (q.type === 'essay') { verdict = t('essayNote'); sym = '\u2139'; }
    else if (credit >= 1 - 1e-9) { verdict = kind === 'scenario' ? t('better') : t('correct'); sym = '\u2714'; }
    else if (credit > 1e-9) { verdict = t('partly', Math.round(credit * 100)); sym = '\u25d1'; }
    else { verdict = kind === 'scenario' ? t('worse') : t('incorrect'); sym = '\u2716'; }
    out.push(h('p', { class: 'scormc-verdict ' + (credit >= 1 - 1e-9 ? 'is-pass' :
      credit > 1e-9 ? 'is-partial' : 'is-fail') }, [
      h('span', { 'aria-hidden': 'true', text: sym + ' ' }), verdict]));
    answerFeedback(q, ui, credit, resp).forEach(function (html) {
      out.push(h('div', { class: 'scormc-answer-feedback', html: html }));
    });
    if (kind === 'scenario' && credit < 1 - 1e-9) {
      out.push(h('p', { text: t('betterIs', correctText(q)) }));
    } else if (showCorrect && credit < 1 - 1e-9 && correctText(q)) {
      var many = q.type === 'multi' || q.type === 'matching' || correctIndexes(q).length > 1;
      out.push(h('p', { class: 'scormc-correct', text: t(many ? 'correctAnswers' : 'correctAnswer', correctText(q)) }));
    }
    if (q.generalFeedback) out.push(h('div', { class: 'scormc-general-feedback', html: q.generalFeedback }));
    return out;
  }

  function answerFeedback(q, ui, credit, resp) {
    var list = [];
    if (resp === undefined) return list;
    if (q.type === 'truefalse') {
      var fb = resp ? q.feedbackTrue : q.feedbackFalse;
      if (fb) list.push(fb);
    } else if (ui.chosen) {
      ui.chosen().forEach(function (i) { if (q.answers[i].feedback) list.push(q.answers[i].feedback); });
    } else if (q.type === 'short' || q.type === 'numerical') {
      /* The scorer says how much credit, not which answer matched; when
         exactly one answer carries that weight, its feedback applies. */
      var w = Math.round(credit * 100), hits = (q.answers || []).filter(function (a) {
        return Math.round(a.weight) === w;
      });
      if (hits.length === 1 && hits[0].feedback) list.push(hits[0].feedback);
    }
    return list;
  }

  function showFeedback(ui, credit, showCorrect, kind, focus) {
    var resp = ui.response();
    ui.feedbackHost.setAttribute('data-verdict', resp === undefined ? 'fail' :
      ui.q.type === 'essay' ? 'note' : credit >= 1 - 1e-9 ? 'pass' :
      credit > 1e-9 ? 'partial' : 'fail');
    ui.feedbackHost.innerHTML = '';
    add(ui.feedbackHost, feedbackContent(ui.q, ui, credit, showCorrect, kind));
    ui.mark(showCorrect, kind);
    if (focus) ui.feedbackHost.focus();
  }

  /* Knowledge checks and scenarios: ungraded, immediate feedback, and
     the learner may try again. */
  function mountCheck(holder, entry, kind) {
    var q = entry.question;
    var label = kind === 'scenario' ? t('scenario') : t('check1');
    var ui = questionUI(q, { label: label, seed: null, prefix: kind });
    var sec = h('section', { class: 'scormc-' + kind + '-box' });
    if (kind === 'scenario' && q.id && !/^q\d+$/.test(q.id)) {
      sec.appendChild(h('h2', { class: 'scormc-scenario-title', text: q.id }));
    }
    sec.appendChild(ui.node);
    var btn = button(kind === 'scenario' ? t('decide') : t('check'), 'check-' + kind, function () {
      var resp = ui.response();
      if (resp === undefined) {
        ui.feedbackHost.innerHTML = '';
        ui.feedbackHost.removeAttribute('data-verdict');
        ui.feedbackHost.appendChild(h('p', { text: t('chooseFirst') }));
        ui.feedbackHost.focus();
        return;
      }
      withScorer(ui.feedbackHost, function (scorer) {
        var r = scorer.score(tableBytes(entry.table), [resp]);
        showFeedback(ui, r.credits[0] || 0, !!COURSE.showCorrect || kind === 'scenario', kind, true);
        btn.textContent = kind === 'scenario' ? t('decide') : t('checkAgain');
      });
    }, 'scormc-button');
    ui.node.insertBefore(h('div', { class: 'scormc-q-actions' }, [btn]), ui.feedbackHost);
    holder.innerHTML = '';
    holder.appendChild(sec);
  }

  /* ---- the assessment ----------------------------------------------------- */

  function seedBase(mi, no) { return COURSE.id + '|' + mod(mi).id + '|' + no; }

  /* Which questions this attempt shows: all of them, or K of the N
     (descriptions never drawn), seeded by course, module and attempt. */
  function drawFor(mi, no) {
    var qs = mod(mi).assessment.questions, m = mod(mi);
    var pool = range(qs.length).filter(function (i) { return qs[i].type !== 'description'; });
    if (!(m.draw > 0 && m.draw < pool.length)) return range(qs.length);
    return shuffled(pool, seedBase(mi, no) + '|draw').slice(0, m.draw)
      .sort(function (a, b) { return a - b; });
  }

  function startAttempt(mi) {
    var m = mod(mi), ms = state.mods[mi], qs = m.assessment.questions;
    if (readOnly || isFinal(ms) || attemptsLeft(mi) <= 0) return;
    var no = ms.attempts + 1, drawn = drawFor(mi, no);
    var scoredTotal = drawn.filter(function (i) { return qs[i].type !== 'description'; }).length;
    var a = { mi: mi, no: no, drawn: drawn, started: new Date(), items: [],
      submitted: false };
    var form = h('form', { class: 'scormc-assessment', novalidate: true,
      onsubmit: function (e) { e.preventDefault(); } });
    var k = 0, policy = COURSE.feedback || 'after-submit';
    drawn.forEach(function (qi) {
      var q = qs[qi];
      if (q.type !== 'description') k += 1;
      var ui = questionUI(q, { label: t('questionOf', k, scoredTotal), prefix: 'a',
        seed: m.shuffle ? seedBase(mi, no) + '|' + qi : null });
      var item = { qi: qi, q: q, ui: ui, answeredAt: null, checked: false, reported: false };
      ui.node.addEventListener('change', function () {
        item.answeredAt = new Date();
        updateCount();
      });
      ui.node.addEventListener('input', function () { item.answeredAt = new Date(); updateCount(); });
      if (policy === 'after-question' && q.type !== 'description') {
        var cb = button(t('check'), 'check-question', function () { checkItem(a, item, cb); });
        ui.node.insertBefore(h('div', { class: 'scormc-q-actions' }, [cb]), ui.feedbackHost);
      }
      a.items.push(item);
      form.appendChild(ui.node);
    });
    var count = h('p', { class: 'scormc-answered', 'aria-live': 'polite' });
    function updateCount() {
      var n = a.items.filter(function (it) {
        return it.q.type !== 'description' && it.ui.response() !== undefined;
      }).length;
      count.textContent = t('answeredOf', n, scoredTotal);
    }
    updateCount();
    var confirmBox = h('div', { class: 'scormc-confirm' });
    var submitBtn = button(t('submit'), 'submit', function () { trySubmit(a, confirmBox, false); },
      'scormc-button scormc-primary');
    form.appendChild(h('div', { class: 'scormc-submit-row' }, [count, submitBtn, confirmBox]));
    var kids = [h('p', { class: 'scormc-crumb', text: m.title }),
      h('h1', { text: t('assessment', m.title) })];
    var clock = null;
    if (m.timeLimit > 0) {
      clock = h('p', { class: 'scormc-timer', role: 'timer', 'aria-live': 'off' });
      kids.push(clock);
    }
    kids.push(form);
    setMain(kids);
    attempt = a;
    if (clock) runTimer(a, clock, m.timeLimit * 60000);
  }

  function runTimer(a, clock, ms) {
    var end = Date.now() + ms, warned = {};
    function tick() {
      var left = Math.max(0, end - Date.now()), s = Math.ceil(left / 1000);
      clock.textContent = t('timeLeft', Math.floor(s / 60) + ':' + pad(s % 60, 2));
      if ((s === 300 || s === 60) && !warned[s]) {
        warned[s] = true;
        clock.setAttribute('aria-live', 'polite');
        setTimeout(function () { clock.setAttribute('aria-live', 'off'); }, 1500);
      }
      if (left <= 0) {
        stopTimer();
        if (attempt === a && !a.submitted) submit(a, true);
      }
    }
    tick();
    timer = setInterval(tick, 1000);
  }

  function stopTimer() {
    if (timer) { clearInterval(timer); timer = null; }
  }

  function unansweredCount(a) {
    return a.items.filter(function (it) {
      return it.q.type !== 'description' && it.ui.response() === undefined;
    }).length;
  }

  function trySubmit(a, confirmBox, force) {
    if (a.submitted) return;
    var missing = unansweredCount(a), total = a.items.filter(function (it) {
      return it.q.type !== 'description';
    }).length;
    if (missing && !force) {
      confirmBox.innerHTML = '';
      var msg = h('p', { role: 'alert', tabindex: '-1', text: t('unanswered', missing, total) });
      confirmBox.appendChild(msg);
      confirmBox.appendChild(button(t('submitAnyway'), 'submit-anyway', function () {
        trySubmit(a, confirmBox, true);
      }, 'scormc-button scormc-primary'));
      confirmBox.appendChild(button(t('keepAnswering'), 'keep-answering', function () {
        confirmBox.innerHTML = '';
        var first = a.items.filter(function (it) {
          return it.q.type !== 'description' && it.ui.response() === undefined;
        })[0];
        if (first && first.ui.inputs[0]) first.ui.inputs[0].focus();
      }));
      msg.focus();
      return;
    }
    submit(a, false);
  }

  function responsesOf(a) {
    var qs = mod(a.mi).assessment.questions, out = new Array(qs.length), i;
    for (i = 0; i < qs.length; i++) out[i] = undefined;
    a.items.forEach(function (it) { out[it.qi] = it.ui.response(); });
    return out;
  }

  /* 'after-question': score this one question, show its feedback, lock
     it and report its interaction at once. */
  function checkItem(a, item, btn) {
    if (item.checked || a.submitted) return;
    if (item.ui.response() === undefined) {
      item.ui.feedbackHost.innerHTML = '';
      item.ui.feedbackHost.removeAttribute('data-verdict');
      item.ui.feedbackHost.appendChild(h('p', { text: t('chooseFirst') }));
      item.ui.feedbackHost.focus();
      return;
    }
    var m = mod(a.mi), qs = m.assessment.questions;
    withScorer(item.ui.feedbackHost, function (scorer) {
      var resp = new Array(qs.length), i;
      for (i = 0; i < qs.length; i++) resp[i] = undefined;
      resp[item.qi] = item.ui.response();
      var r = scorer.score(tableBytes(m.assessment.table), resp);
      item.checked = true;
      item.ui.lock();
      btn.disabled = true;
      /* A checked question is locked: its button has done its job. */
      if (btn.parentNode && btn.parentNode.parentNode) {
        btn.parentNode.parentNode.removeChild(btn.parentNode);
      }
      showFeedback(item.ui, r.credits[item.qi] || 0, !!COURSE.showCorrect, 'question', true);
      report(a, item, r.credits[item.qi] || 0);
      persist();
    });
  }

  function submit(a, timedOut) {
    if (a.submitted) return;
    a.submitted = true;
    stopTimer();
    var m = mod(a.mi), mi = a.mi, ms = state.mods[mi];
    withScorer(main, function (scorer) {
      if (attempt !== a || readOnly) return;
      /* The scorer leaves undrawn questions out of the maximum. */
      var r = scorer.score(tableBytes(m.assessment.table), responsesOf(a),
        a.drawn);
      var pct = wholePercent(r.percent);
      ms.attempts += 1;
      ms.last = pct;
      ms.best = ms.best === null ? pct : Math.max(ms.best, pct);
      if (pct >= m.passMark) ms.status = 'p';
      else if (m.maxAttempts > 0 && ms.attempts >= m.maxAttempts) ms.status = 'f';
      else ms.status = 'i';
      a.items.forEach(function (it) {
        it.ui.lock();
        if (!it.reported) report(a, it, r.credits[it.qi] || 0);
      });
      var policy = COURSE.feedback || 'after-submit', review = null;
      if (policy !== 'never') {
        review = h('section', { class: 'scormc-review', 'aria-labelledby': 'scormc-review-h' }, [
          h('h2', { id: 'scormc-review-h', text: t('reviewTitle') })]);
        a.items.forEach(function (it) {
          if (it.q.type === 'description') return;
          if (!it.checked) showFeedback(it.ui, r.credits[it.qi] || 0, !!COURSE.showCorrect, 'question', false);
          Array.prototype.forEach.call(it.ui.node.querySelectorAll('[data-action="check-question"]'),
            function (b) { b.parentNode.removeChild(b); });
          review.appendChild(it.ui.node);
        });
      }
      attempt = null;
      state.loc = pageToken(mi, m.pages.length);
      viewAssessment(mi, { percent: pct, review: review, timedOut: timedOut });
      if (timedOut) {
        var box = main.querySelector('.scormc-result');
        if (box) box.insertBefore(h('p', { role: 'alert', text: t('timeUp') }), box.firstChild.nextSibling);
      }
      renderHeader();
      persist();
    });
  }

  /* ---- interactions (issue 3, "Reporting") -------------------------------- */

  function interactionId(a, item) {
    var qid = String(item.q.id || 'q' + (item.qi + 1)).replace(/[^A-Za-z0-9_.-]+/g, '_');
    var base = String(mod(a.mi).id).replace(/[^A-Za-z0-9_.-]+/g, '_');
    return cut(base + '-a' + a.no + '-' + (item.qi + 1) + '-' + qid, 250);
  }

  /* SCORM 2004 character strings: scorm-again (and the standard's
     delimiters) split on '[,]' '[.]' '[:]' and, leniently, on bare
     commas; a leading '{' reads as a language tag; '.' excludes line
     breaks. Make any learner text a value those rules accept. */
  function text2004(s, limit, delimited) {
    s = String(s).replace(/\[[,.:]\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\{+/, '');
    s = cut(s, limit);
    if (delimited) {
      var parts = s.split(',');
      if (parts.length > 10 || parts.some(function (p) { return p.length > 250 || /^\{/.test(p); })) {
        s = s.replace(/,/g, ';');
      }
    }
    return s;
  }

  function text12(s) { return cut(String(s).replace(/\s+/g, ' ').trim(), 255); }

  /* The build gives every numerical answer its interval; a catch-all
     answer ('any') has none. */
  function numericBounds(a) {
    if (typeof a.min !== 'number') return null;
    return { kind: a.kind, min: a.min, max: a.max, mid: a.mid };
  }

  function num(x) {
    return String(Math.round(x * 1e7) / 1e7);
  }

  /* The interaction's type, response and correct patterns in the
     edition's exact format. */
  function reportValues(q, ui) {
    var v12 = lms.v12, resp = ui.response(), sep = v12 ? ',' : '[,]';
    var out = { type: null, response: null, patterns: [] };
    function ids(list) {
      var got = list.map(choiceId);
      return got.indexOf(null) >= 0 ? null : got.join(sep);
    }
    switch (q.type) {
    case 'single':
    case 'multi':
      out.type = 'choice';
      /* In author order whatever the shuffle showed: the response
         names the same set the same way on every attempt. */
      if (resp !== undefined) {
        out.response = ids(ui.chosen().slice().sort(function (x, y) { return x - y; }));
      }
      if (q.type === 'multi') {
        var p = ids(correctIndexes(q));
        if (p) out.patterns.push(p);
      } else {
        correctIndexes(q).forEach(function (i) { var p1 = ids([i]); if (p1) out.patterns.push(p1); });
      }
      break;
    case 'truefalse':
      out.type = 'true-false';
      if (resp !== undefined) out.response = v12 ? (resp ? 't' : 'f') : String(resp);
      out.patterns.push(v12 ? (q.truth ? 't' : 'f') : String(!!q.truth));
      break;
    case 'short':
      out.type = 'fill-in';
      if (resp !== undefined) out.response = v12 ? text12(resp) : text2004(resp, 250, true);
      (q.answers || []).filter(function (a) { return a.weight >= 100; }).slice(0, 5)
        .forEach(function (a) {
          var s = String(a.value === undefined ? plain(a.text) : a.value);
          s = v12 ? text12(s) : text2004(s, 250, true);
          if (s && out.patterns.indexOf(s) < 0) out.patterns.push(s);
        });
      break;
    case 'numerical':
      out.type = 'numeric';
      if (resp !== undefined) out.response = num(resp);
      (q.answers || []).filter(function (a) { return a.weight >= 100; }).slice(0, 1)
        .forEach(function (a) {
          var b = numericBounds(a);
          if (!b) return;
          out.patterns.push(v12 ? num(b.mid) : num(b.min) + '[:]' + num(b.max));
        });
      break;
    case 'matching':
      out.type = 'matching';
      var rights = uniqueRights(q), pairs = [], ok = true;
      ui.selects.forEach(function (s) {
        if (s.sel.value === '') return;
        var l = choiceId(s.li), r = choiceId(rights.indexOf(s.sel.value));
        if (l === null || r === null) ok = false;
        pairs.push(l + (v12 ? '.' : '[.]') + r);
      });
      if (resp !== undefined && ok) out.response = pairs.join(sep);
      var cp = [], cok = true;
      (q.lefts || []).forEach(function (left, li) {
        var l = choiceId(li), r = choiceId(rights.indexOf(q.rights[li]));
        if (l === null || r === null) cok = false;
        cp.push(l + (v12 ? '.' : '[.]') + r);
      });
      if (cok && cp.length) out.patterns.push(cp.join(sep));
      break;
    case 'essay':
      out.type = v12 ? 'fill-in' : 'long-fill-in';
      if (resp !== undefined) out.response = v12 ? text12(resp) : text2004(resp, 4000, false);
      break;
    }
    return out;
  }

  function report(a, item, credit) {
    if (item.reported) return;
    item.reported = true;
    if (!lms.live || readOnly || item.q.type === 'description') return;
    var q = item.q, v12 = lms.v12, n = icount, pre = 'cmi.interactions.' + n + '.';
    var vals = reportValues(q, item.ui), answered = item.ui.response() !== undefined;
    var when = item.answeredAt || new Date();
    var result = q.type === 'essay' ? 'neutral' : !answered ? (v12 ? 'wrong' : 'incorrect') :
      credit >= 1 - 1e-9 ? 'correct' : credit <= 1e-9 ? (v12 ? 'wrong' : 'incorrect') :
      String(Math.round(credit * 100) / 100);
    icount += 1;
    lms.setRaw(pre + 'id', interactionId(a, item));
    lms.setRaw(pre + 'type', vals.type);
    if (!v12) lms.setRaw(pre + 'timestamp', a.started.toISOString());
    lms.setRaw(pre + 'weighting', String(q.type === 'essay' ? 0 : (q.points || 1)));
    vals.patterns.forEach(function (p, k) {
      lms.setRaw(pre + 'correct_responses.' + k + '.pattern', p);
    });
    if (vals.response !== null) {
      lms.setRaw(pre + (v12 ? 'student_response' : 'learner_response'), vals.response);
    }
    lms.setRaw(pre + 'result', result);
    if (answered) {
      var lat = Math.max(0, when - a.started);
      lms.setRaw(pre + 'latency', v12 ? span12(lat) : span2004(lat));
    }
    if (v12) {
      lms.setRaw(pre + 'time', time12(when));
    } else {
      var lang = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9-]{2,8})?$/.test(COURSE.language || '') ?
        '{lang=' + COURSE.language + '}' : '';
      var desc = text2004(plain(q.text) + (q.textAfter ? ' _____ ' + plain(q.textAfter) : ''), 250, false);
      if (desc) lms.setRaw(pre + 'description', lang + desc);
    }
  }

  /* ---- start and end -------------------------------------------------------- */

  function fatal(text) {
    var m = document.getElementById('scormc-main') || document.body;
    m.innerHTML = '';
    m.appendChild(h('h1', { text: document.title || 'Course' }));
    m.appendChild(h('p', { class: 'scormc-error', role: 'alert', text: text }));
  }

  function onHidden() {
    if (document.visibilityState === 'hidden' && !lms.ended) persist();
  }

  /* The last chance, never the only one: everything that matters was
     committed already. Terminate exactly once. */
  function onPageHide() {
    if (lms.ended) return;
    if (lms.live) {
      lms.set('session', sessionTime());
      if (!readOnly) syncResults();
    }
    lms.finish();
  }

  function boot() {
    if (!COURSE || COURSE.format !== 1 || !Array.isArray(COURSE.modules)) {
      fatal(TEXT.noCourse);
      return;
    }
    if (!resolveScope()) { fatal(t('noModule', SCOPE)); return; }
    startScorer();
    lms.connect(COURSE.edition || '1.2');
    var entry = lms.get('entry'), mode = '', credit = '';
    if (lms.live) {
      mode = lms.get('mode');
      credit = lms.get('credit');
      learnerName = lms.get('name');
      icount = parseInt(lms.get('icount'), 10) || 0;
    }
    readOnly = mode === 'review' || mode === 'browse' || credit === 'no-credit';
    state = freshState();
    /* 'resume' after a suspend; '' when an attempt that ended without
       suspending (a final result) is opened again: its data still
       belongs to the learner, and starting afresh would write
       'incomplete' over a final status. Only 'ab-initio' is new. */
    if (entry !== 'ab-initio' || mode === 'review') {
      var restored = decodeState(lms.get('suspend'));
      if (restored) {
        state = restored;
        /* The bookmark is kept in both places; the LMS's own field wins. */
        var loc = lms.get('location');
        if (loc) state.loc = loc;
      }
    }
    buildChrome();
    if (lms.notice) notice(lms.notice, 'is-local');
    if (readOnly) notice(mode === 'review' ? t('review') : t('noCredit'), 'is-review');
    window.ScormcRuntime = {
      version: VERSION,
      scope: SCOPE,
      state: function () { return encodeState(state); },
      location: function () { return state.loc; },
      errors: lms.errors,
      live: function () { return lms.live; },
      readOnly: function () { return readOnly; },
      finish: function () { onPageHide(); }
    };
    document.addEventListener('visibilitychange', onHidden);
    var resizing = null;
    window.addEventListener('resize', function () {
      clearTimeout(resizing);
      resizing = setTimeout(markScrollers, 150);
    });
    window.addEventListener('pagehide', onPageHide);
    /* Back from the back-forward cache after Terminate: the session is
       over and the LMS will take nothing more, so say so. */
    window.addEventListener('pageshow', function (e) {
      if (e.persisted && lms.ended) {
        notice(t('ended'), 'is-review');
        Array.prototype.forEach.call(main.querySelectorAll('button, input, select, textarea'),
          function (el) { el.disabled = true; });
      }
    });
    go(state.loc);
  }

  boot();
}());
