// lms.js - the LMS side of the browser tests: scorm-again's API on this
// page, the package in an iframe below it, and a record of every call.
// SPDX-License-Identifier: MIT
/* global Scorm12API, Scorm2004API */
(function () {
  'use strict';

  var NAMES = {
    '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue',
      'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString',
      'LMSGetDiagnostic'],
    '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit',
      'GetLastError', 'GetErrorString', 'GetDiagnostic']
  };
  var QUIET = /GetLastError|GetErrorString|GetDiagnostic/;

  var harness = window.harness = {
    api: null,
    calls: [],
    edition: null,

    // opts: {edition: '1.2'|'2004', url, cmi (a saved renderCMIToJSONObject),
    //        entry, mode, credit, name, id}
    launch: function (opts) {
      var v12 = opts.edition === '1.2';
      var api = v12 ? new Scorm12API({ logLevel: 5 }) :
        new Scorm2004API({ logLevel: 5 });
      var saved = opts.cmi ? JSON.parse(JSON.stringify(opts.cmi)) : null;
      var cmi = saved && saved.cmi ? saved.cmi : saved;
      if (cmi) {
        // What an LMS does not carry over into a new session.
        if (v12 && cmi.core) { delete cmi.core.entry; delete cmi.core.exit; delete cmi.core.session_time; }
        if (!v12) { delete cmi.entry; delete cmi.exit; delete cmi.session_time; }
        api.loadFromJSON(cmi);
      }
      var c = api.cmi;
      if (v12) {
        c.core.student_name = opts.name || 'Tester, Ada';
        c.core.student_id = opts.id || 'ada';
        c.core.entry = opts.entry !== undefined ? opts.entry : 'ab-initio';
        c.core.lesson_mode = opts.mode || 'normal';
        c.core.credit = opts.credit || 'credit';
      } else {
        c.learner_name = opts.name || 'Tester, Ada';
        c.learner_id = opts.id || 'ada';
        c.entry = opts.entry !== undefined ? opts.entry : 'ab-initio';
        c.mode = opts.mode || 'normal';
        c.credit = opts.credit || 'credit';
      }
      this.record(api, NAMES[v12 ? '1.2' : '2004'], v12);
      delete window.API;
      delete window.API_1484_11;
      if (v12) window.API = api; else window.API_1484_11 = api;
      this.api = api;
      this.edition = opts.edition;
      this.calls = [];
      if (opts.popup) {
        // The SCO in a window of its own: it finds the API via 'opener'.
        this.popup = window.open(opts.url, 'sco', 'width=900,height=700');
      } else {
        this.popup = null;
        document.getElementById('sco').src = opts.url;
      }
    },

    // Wrap every API function: record its arguments, what it returned
    // and the error code right after it.
    record: function (api, names, v12) {
      var self = this, lastError = v12 ? 'LMSGetLastError' : 'GetLastError';
      var original = {};
      names.forEach(function (n) { original[n] = api[n].bind(api); });
      names.forEach(function (n) {
        api[n] = function () {
          var args = Array.prototype.slice.call(arguments);
          var ret = original[n].apply(null, args);
          if (!QUIET.test(n)) {
            self.calls.push({ fn: n, args: args, ret: String(ret),
              error: String(original[lastError]()), at: Date.now() });
          }
          return ret;
        };
      });
    },

    // Close the SCO the way a learner leaving does: the frame navigates
    // away. Resolves with the stored CMI data and the calls made.
    close: function () {
      var frame = document.getElementById('sco'), self = this;
      if (this.popup) {
        var popup = this.popup;
        this.popup = null;
        var until = Date.now() + 3000;
        return new Promise(function (resolve) {
          popup.close();
          // 'closed' turns true before the popup's pagehide has run.
          (function wait() {
            var done = self.calls.some(function (c) { return /Finish|Terminate/.test(c.fn); });
            if ((popup.closed && done) || Date.now() > until) resolve(self.snapshot());
            else setTimeout(wait, 20);
          }());
        });
      }
      return new Promise(function (resolve) {
        frame.addEventListener('load', function done() {
          frame.removeEventListener('load', done);
          resolve(self.snapshot());
        });
        frame.src = 'about:blank';
      });
    },

    snapshot: function () {
      return { cmi: JSON.parse(JSON.stringify(this.api.renderCMIToJSONObject())),
        calls: this.calls.slice() };
    }
  };
}());
