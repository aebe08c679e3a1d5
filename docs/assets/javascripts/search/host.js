/* 销售作战手册 — Material's search worker protocol, answered by our engine (engine.js).
 *
 * Material's search UI sends SETUP (0) with its index, then QUERY (2) with the typed text,
 * and waits for READY (1) and RESULT (3, {items}). Its own index is a stub (see
 * macros/search/build.py): ours loads on the first "pb-warm" message (sent by boot.js when
 * the search box gets focus) or on the first query, never on page load.
 * Data files are scripts that set a global (search/pb-index.js sets PB_SEARCH_INDEX,
 * search/text/<n>.js sets PB_SEARCH_TEXT[n]), so that script tags load them from file://.
 * read(url, name) resolves to the data: the worker fetches in parallel and parses the JSON
 * after the first "=", the page adds a script tag and reads the global.
 */
(function (root) {
  "use strict";
  var SETUP = 0,
    READY = 1,
    QUERY = 2,
    RESULT = 3,
    WARM = "pb-warm";
  var EXPLAINED = 10; // Material shows ten results first: those get a reason line

  root.PBSearchHost = function (post, read, base) {
    var engine = null,
      loading = null,
      latest = 0;

    function ready() {
      if (!loading) {
        loading = read(base + "search/pb-index.js", "PB_SEARCH_INDEX").then(function (index) {
          engine = new root.PBSearch.Engine(index);
          return engine;
        });
      }
      return loading;
    }

    var loaded = {}; // page number → its sections
    function missing(results) {
      return results.slice(0, EXPLAINED).filter(function (r) {
        return !loaded[r.doc];
      });
    }
    function texts(results) {
      return Promise.all(
        missing(results).map(function (r) {
          return read(base + "search/text/" + r.doc + ".js", "PB_SEARCH_TEXT", r.doc).then(
            function (sections) {
              loaded[r.doc] = sections;
            },
            function () {
              loaded[r.doc] = [];
            },
          ); // no reason line is better than no result
        }),
      ).then(function () {
        return loaded;
      });
    }

    function search(query, number) {
      return ready().then(function (engine) {
        var results = engine.rank(query, 60);
        // Results at once, with the alias or question that matched; when the texts of new
        // pages arrive, again with the sentence that answers, in the same order. A question
        // about a number (几次, 多久) waits for the texts: the sentence with the number decides.
        var early = results.query.intents.indexOf("number") < 0 && missing(results).length;
        if (early) post({ type: RESULT, data: { items: engine.items(results, loaded, EXPLAINED) } });
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
        if (!query.trim()) {
          ++latest;
          post({ type: RESULT, data: { items: [] } });
        } else search(query, ++latest);
      }
    };
  };
})(typeof self !== "undefined" ? self : this);
