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
  // parallel and parse the JSON line. The index also comes as that JSON gzipped
  // (search/pb-index.json.gz): far fewer bytes where the server does not compress,
  // unpacked by the browser's own DecompressionStream.
  function read(url) {
    if (/\/pb-index\.js$/.test(url) && typeof DecompressionStream === "function")
      return packed(url.replace(/\.js$/, ".json.gz")).catch(function () {
        return plain(url);
      });
    return plain(url);
  }
  function get(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response;
    });
  }
  function plain(url) {
    return get(url)
      .then(function (response) {
        return response.text();
      })
      .then(function (text) {
        return JSON.parse(text.slice(text.indexOf("\n") + 1, text.lastIndexOf(";")));
      });
  }
  function packed(url) {
    return get(url)
      .then(function (response) {
        return response.arrayBuffer();
      })
      .then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        // A server that sends .gz files with Content-Encoding: gzip has unpacked it already.
        if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
        return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
      })
      .then(JSON.parse);
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
