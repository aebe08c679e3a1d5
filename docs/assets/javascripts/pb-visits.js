/* 销售作战手册 — when the rep last opened the site, remembered in this browser only.
 *
 * Data (version 1): { version: 1, last: ms, previous: ms|null, seen: { "techniques/x.html": ms } }
 * Pages opened less than 30 minutes apart are one visit; marks compare with the visit before
 * it (`previous`). `seen` lists the changed pages already opened in this visit.
 *
 * Same rules as the deal store (pb-store.js): data that cannot be read (corrupt, newer
 * version) is never overwritten, blocked or full storage only costs the marks.
 */
(function () {
  "use strict";
  var KEY = "playbook.visits";
  var VERSION = 1;
  var GAP = 30 * 60 * 1000;
  var state = { persistent: false, data: null };
  var listeners = [];

  function storage() {
    try {
      var ls = window.localStorage;
      ls.setItem("playbook.probe", "1");
      ls.removeItem("playbook.probe");
      return ls;
    } catch {
      return null;
    }
  }

  function valid(data) {
    if (!data || typeof data !== "object" || typeof data.version !== "number") return false;
    if (data.version > VERSION) return true; // a newer site's record: readable by it, kept as is
    return (
      typeof data.last === "number" &&
      (data.previous === null || typeof data.previous === "number") &&
      !!data.seen &&
      typeof data.seen === "object" &&
      !Array.isArray(data.seen)
    );
  }

  function load() {
    var ls = storage();
    if (!ls) return { persistent: false, data: null };
    var raw = ls.getItem(KEY);
    if (raw === null) return { persistent: true, data: null };
    var data;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    if (!valid(data) || data.version > VERSION) return { persistent: false, data: null };
    return { persistent: true, data: data };
  }

  function save() {
    if (!state.persistent) return;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state.data));
    } catch {
      /* full: marks only */
    }
  }

  // One page view at `now` (ms): starts a new visit after a gap, else extends the current one.
  function view(now) {
    var data = state.data;
    if (!data) data = state.data = { version: VERSION, last: now, previous: null, seen: {} };
    else if (now - data.last > GAP) {
      data.previous = data.last;
      data.seen = {};
    }
    data.last = now;
    save();
  }

  state = load();
  window.addEventListener("storage", function (event) {
    if (event.key !== KEY) return;
    var next = load();
    if (next.data) state = next;
    listeners.forEach(function (fn) {
      try {
        fn();
      } catch (error) {
        console.warn(error);
      }
    });
  });

  window.PB = window.PB || {};
  window.PB.visits = {
    // The end of the rep's previous visit (ms), or null on a first visit or without storage.
    // Called on every page view (full load or instant navigation), before reading previous().
    view: function () {
      view(Date.now());
    },
    previous: function () {
      return state.data ? state.data.previous : null;
    },
    remembered: function () {
      return state.persistent;
    },
    seen: function (page) {
      return !!(state.data && state.data.seen[page]);
    },
    markSeen: function (page) {
      if (!state.data || state.data.seen[page]) return;
      state.data.seen[page] = Date.now();
      save();
    },
    onChange: function (fn) {
      listeners.push(fn);
    },
  };
})();
