/* 销售作战手册 — the search worker. The build writes a one-line loader of this file over
 * Material's worker (assets/javascripts/workers/search.*.min.js), so Material's search UI
 * starts ours.
 */
/* global importScripts */
(function () {
  "use strict";
  // self.location is Material's worker file, assets/javascripts/workers/search.*.min.js.
  var base = new URL("../../../", self.location).href;
  importScripts(base + "assets/javascripts/search/engine.js", base + "assets/javascripts/search/host.js");
  var receive = self.PBSearchHost(
    function (message) { self.postMessage(message); },
    function (urls) {
      try { importScripts.apply(self, urls); } catch (error) { return Promise.reject(error); }
      return Promise.resolve();
    },
    base
  );
  self.addEventListener("message", function (event) { receive(event.data); });
})();
