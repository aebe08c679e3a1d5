/* 销售作战手册 — the search worker. The build writes a one-line loader of this file over
 * Material's worker (assets/javascripts/workers/search.*.min.js), so Material's search UI
 * starts ours.
 */
/* global importScripts */
(function () {
  "use strict";
  // self.location is Material's worker file, assets/javascripts/workers/search.*.min.js.
  var base = new URL("../../../", self.location.href).href;
  importScripts(base + "assets/javascripts/search/engine.js", base + "assets/javascripts/search/host.js");
  // A data file is "self.NAME=", a line of JSON, ";" (see macros/search/build.py): fetch in
  // parallel and parse the JSON line.
  function read(url) {
    return fetch(url)
      .then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.text();
      })
      .then(function (text) {
        return JSON.parse(text.slice(text.indexOf("\n") + 1, text.lastIndexOf(";")));
      });
  }
  var receive = self.PBSearchHost(
    function (message) {
      self.postMessage(message);
    },
    read,
    base,
  );
  self.addEventListener("message", function (event) {
    receive(event.data);
  });
})();
