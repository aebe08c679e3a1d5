/* 销售作战手册 — starts our search before Material's bundle runs (it is listed in
 * extra.polyfills, which Material loads in <head>).
 *
 * - Over http, Material's own Worker runs our worker (worker.js). Opened from a file share
 *   (file://), browsers refuse to start workers, so the same engine runs on the page,
 *   its scripts loaded with script tags, behind an object that behaves like a Worker.
 * - The index loads when the search box first gets focus, not with every page.
 */
(function () {
  "use strict";
  var base = new URL("../../../", /** @type {HTMLScriptElement} */ (document.currentScript).src).href; // assets/javascripts/search/boot.js
  var Native = window.Worker;
  var searchWorker = null;

  function isSearch(url) {
    return /\/workers\/search\.[^/]*\.js$/.test(String(url));
  }

  function loadScripts(urls) {
    return Promise.all(
      urls.map(function (url) {
        return /** @type {Promise<void>} */ (
          new Promise(function (resolve, reject) {
            var script = document.createElement("script");
            script.src = url;
            script.onload = function () {
              script.remove();
              resolve();
            };
            script.onerror = function () {
              script.remove();
              reject(new Error("cannot load " + url));
            };
            document.head.appendChild(script);
          })
        );
      }),
    );
  }

  // A data file sets a global (name, or name[key]); from file:// only a script tag can read it.
  function readData(url, name, key) {
    return loadScripts([url]).then(function () {
      return key === undefined ? window[name] : (window[name] || {})[key];
    });
  }

  // Enough of Worker for Material: postMessage, message events, terminate.
  function PageWorker() {
    var target = /** @type {any} */ (new EventTarget());
    var receive = null,
      queue = [];
    loadScripts([base + "assets/javascripts/search/engine.js", base + "assets/javascripts/search/host.js"]).then(
      function () {
        receive = window.PBSearchHost(
          function (message) {
            setTimeout(function () {
              target.dispatchEvent(new MessageEvent("message", { data: message }));
            }, 0);
          },
          readData,
          base,
        );
        queue.forEach(function (message) {
          receive(message);
        });
        queue = null;
      },
    );
    target.postMessage = function (message) {
      if (queue) queue.push(message);
      else
        setTimeout(function () {
          receive(message);
        }, 0);
    };
    target.terminate = function () {};
    return target;
  }

  function SearchAwareWorker(url, options) {
    if (!isSearch(url)) return new Native(url, options);
    searchWorker = location.protocol === "file:" || !Native ? PageWorker() : new Native(url, options);
    return searchWorker;
  }
  if (Native) SearchAwareWorker.prototype = Native.prototype;
  window.Worker = /** @type {any} */ (SearchAwareWorker);

  function warm() {
    if (searchWorker) searchWorker.postMessage({ type: "pb-warm" });
  }
  document.addEventListener("focusin", function (event) {
    var target = /** @type {HTMLElement} */ (event.target);
    if (target && target.matches && target.matches(".md-search__input")) warm();
  });
  document.addEventListener("change", function (event) {
    var target = /** @type {HTMLInputElement} */ (event.target);
    if (target && target.id === "__search" && target.checked) warm();
  });
})();
