/* 销售作战手册 — runs in <head>, before Material's scripts. When the browser blocks site data,
 * merely reading `localStorage` or `sessionStorage` throws; Material's inline helpers and its
 * bundle read them on every page, and search stops working. This puts an in-memory stand-in
 * in their place (gone when the page closes) and records why, so that pb-store.js can tell
 * the user plainly instead of saving into the stand-in. */
(function () {
  "use strict";

  /** @returns {Storage} a Storage-like object that keeps its items in memory only */
  function memoryStorage() {
    /** @type {Map<string, string>} */
    var items = new Map();
    var store = {
      get length() {
        return items.size;
      },
      key: function (/** @type {number} */ index) {
        var keys = Array.from(items.keys());
        return index < keys.length ? keys[index] : null;
      },
      getItem: function (/** @type {string} */ key) {
        return items.has(String(key)) ? /** @type {string} */ (items.get(String(key))) : null;
      },
      setItem: function (/** @type {string} */ key, /** @type {string} */ value) {
        items.set(String(key), String(value));
      },
      removeItem: function (/** @type {string} */ key) {
        items.delete(String(key));
      },
      clear: function () {
        items.clear();
      },
    };
    return /** @type {Storage} */ (/** @type {unknown} */ (store));
  }

  /** @type {{[name: string]: string}} */
  var blocked = {};
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      var area = /** @type {any} */ (window)[name];
      area.getItem("playbook.probe"); // some browsers throw only on use, not on access
    } catch (error) {
      blocked[name] = /** @type {Error} */ (error).name || "Error";
      try {
        Object.defineProperty(window, name, { value: memoryStorage(), configurable: true, writable: true });
      } catch {
        /* not configurable: nothing more can be done here */
      }
    }
  });
  /** Why storage is unavailable ({localStorage: "SecurityError"}), or null when it works. */
  /** @type {any} */ (window).PB_STORAGE_BLOCKED = Object.keys(blocked).length ? blocked : null;
})();
