/*
 * scorer.js - run the WebAssembly scorer (lib/scorer.c) from JavaScript
 * SPDX-License-Identifier: MIT
 *
 * Classic script: defines window.ScormcScorer (and module.exports under
 * node). This file only encodes responses into the scorer's memory and
 * decodes its results; every scoring rule lives in scorer.c, so the
 * browser and the CLI cannot disagree.
 *
 *   ScormcScorer.create(wasmBytes) -> Promise<scorer>
 *   scorer.score(tableBytes, responses[, asked])
 *     -> { credits: [0..1], points: [n], earned, max, percent }
 *   scorer.count(tableBytes) -> number of questions
 *
 * responses[i] is question i's response (undefined or null: unanswered):
 * a string (single choice, missing word, short answer, essay), an array
 * of strings (multiple answers), a boolean (true/false), a number
 * (numerical) or an object { left: right } (matching). 'asked', when
 * given, lists the indexes of the questions drawn for this attempt: the
 * others earn nothing and do not count in the maximum.
 */
(function (root) {
  'use strict';

  var TAG = { none: 0, text: 1, list: 2, bool: 3, number: 4, pairs: 5,
    skip: 6 };
  var ERRORS = {
    '-1': 'malformed question table',
    '-2': 'question table version not supported',
    '-3': 'malformed responses',
    '-4': 'no room for the results'
  };
  var PAGE = 65536;

  function utf8(text) {
    return new TextEncoder().encode(String(text));
  }

  /* Collects bytes; the scorer reads little-endian integers. */
  function Writer() {
    this.parts = [];
    this.size = 0;
  }
  Writer.prototype.bytes = function (b) {
    this.parts.push(b);
    this.size += b.length;
  };
  Writer.prototype.u8 = function (v) {
    this.bytes(new Uint8Array([v]));
  };
  Writer.prototype.u32 = function (v) {
    var b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    this.bytes(b);
  };
  Writer.prototype.f64 = function (v) {
    var b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    this.bytes(b);
  };
  Writer.prototype.str = function (s) {
    var b = utf8(s);
    this.u32(b.length);
    this.bytes(b);
  };
  Writer.prototype.done = function () {
    var out = new Uint8Array(this.size), at = 0;
    this.parts.forEach(function (p) {
      out.set(p, at);
      at += p.length;
    });
    return out;
  };

  function encodeOne(w, r) {
    if (r === undefined || r === null) {
      w.u8(TAG.none);
    } else if (typeof r === 'string') {
      w.u8(TAG.text);
      w.str(r);
    } else if (typeof r === 'boolean') {
      w.u8(TAG.bool);
      w.u8(r ? 1 : 0);
    } else if (typeof r === 'number') {
      w.u8(TAG.number);
      w.f64(r);
    } else if (Array.isArray(r)) {
      w.u8(TAG.list);
      w.u32(r.length);
      r.forEach(function (item) { w.str(item); });
    } else if (typeof r === 'object') {
      var keys = Object.keys(r);
      w.u8(TAG.pairs);
      w.u32(keys.length);
      keys.forEach(function (k) {
        w.str(k);
        w.str(r[k]);
      });
    } else {
      w.u8(TAG.none);
    }
  }

  /* The scorer's response encoding (lib/scorer.h). */
  function encodeResponses(responses, count, asked) {
    var w = new Writer();
    var list = responses || [];
    var n = asked ? count : list.length;
    w.u32(n);
    for (var i = 0; i < n; i++) {
      if (asked && asked.indexOf(i) < 0)
        w.u8(TAG.skip);
      else
        encodeOne(w, list[i]);
    }
    return w.done();
  }

  function Scorer(instance) {
    this.exports = instance.exports;
    this.memory = instance.exports.memory;
  }

  /* Room for 'bytes' above the scorer's data, growing memory if needed;
   * returns the first free address. */
  Scorer.prototype.reserve = function (bytes) {
    var base = this.exports.scorer_heap_base() >>> 0;
    var need = base + bytes - this.memory.buffer.byteLength;
    if (need > 0)
      this.memory.grow(Math.ceil(need / PAGE));
    return base;
  };

  Scorer.prototype.check = function (rc) {
    if (rc < 0)
      throw new Error('scorer: ' + (ERRORS[String(rc)] || 'error ' + rc));
    return rc;
  };

  Scorer.prototype.count = function (table) {
    var at = this.reserve(table.length);
    new Uint8Array(this.memory.buffer).set(table, at);
    return this.check(this.exports.scorer_count(at, table.length));
  };

  Scorer.prototype.score = function (table, responses, asked) {
    var x = this.exports;
    var n = this.count(table);
    var resp = encodeResponses(responses, n, asked);
    var align = function (v) { return (v + 7) & ~7; };
    var base = this.reserve(0);
    var tAt = base;
    var rAt = tAt + table.length;
    var cAt = align(rAt + resp.length);
    var sAt = cAt + 8 * n;
    this.reserve(sAt + 24 - base);
    var mem = new Uint8Array(this.memory.buffer);
    mem.set(table, tAt);
    mem.set(resp, rAt);
    this.check(x.scorer_score(tAt, table.length, rAt, resp.length, cAt, n,
                              sAt));
    var f64 = new Float64Array(this.memory.buffer);
    var credits = [], points = [];
    for (var i = 0; i < n; i++) {
      credits.push(f64[cAt / 8 + i]);
      points.push(x.scorer_points(tAt, table.length, i));
    }
    return {
      credits: credits,
      points: points,
      earned: f64[sAt / 8],
      max: f64[sAt / 8 + 1],
      percent: f64[sAt / 8 + 2]
    };
  };

  function create(wasmBytes) {
    return WebAssembly.instantiate(wasmBytes, {}).then(function (r) {
      return new Scorer(r.instance);
    });
  }

  var api = { create: create, encodeResponses: encodeResponses };
  if (typeof module !== 'undefined' && module.exports)
    module.exports = api;
  if (root)
    root.ScormcScorer = api;
})(typeof window !== 'undefined' ? window : null);
