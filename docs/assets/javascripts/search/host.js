/* 销售作战手册 — Material's search worker protocol, answered by our engine (engine.js).
 *
 * Material's search UI sends SETUP (0) with its index, then QUERY (2) with the typed text,
 * and waits for READY (1) and RESULT (3, {items}). Its own index is a stub (see
 * macros/search/build.py): ours loads on the first "pb-warm" message (sent by boot.js when
 * the search box gets focus) or on the first query, never on page load.
 * load(urls) runs scripts and resolves when they have run: importScripts in the worker,
 * script tags on the page.
 */
(function (root) {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, WARM = "pb-warm";
  var EXPLAINED = 10; // Material shows ten results first: those get a reason line

  root.PBSearchHost = function (post, load, base) {
    var engine = null, loading = null, latest = 0;

    function ready() {
      if (!loading) {
        loading = load([base + "search/pb-index.js"]).then(function () {
          engine = new root.PBSearch.Engine(root.PB_SEARCH_INDEX);
          return engine;
        });
      }
      return loading;
    }

    function texts(results) {
      var have = root.PB_SEARCH_TEXT || {};
      var urls = results.slice(0, EXPLAINED).filter(function (r) { return !have[r.doc]; })
        .map(function (r) { return base + "search/text/" + r.doc + ".js"; });
      return (urls.length ? load(urls) : Promise.resolve()).then(function () { return root.PB_SEARCH_TEXT || {}; });
    }

    function search(query, number) {
      return ready().then(function (engine) {
        var results = engine.rank(query, 60);
        return texts(results).then(function (loaded) {
          if (number !== latest) return; // a newer query is on its way
          post({ type: RESULT, data: { items: engine.items(results, loaded, EXPLAINED) } });
        });
      });
    }

    return function receive(message) {
      if (!message) return;
      if (message.type === SETUP) post({ type: READY });
      else if (message.type === WARM) ready();
      else if (message.type === QUERY) {
        var query = String(message.data || "");
        // Material sends the empty box at start-up: that must not load the index.
        if (!query.trim()) { ++latest; post({ type: RESULT, data: { items: [] } }); }
        else search(query, ++latest);
      }
    };
  };
})(typeof self !== "undefined" ? self : this);
