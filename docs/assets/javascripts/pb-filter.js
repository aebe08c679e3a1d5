/* 销售作战手册 — a filter box for a page's long lists (index pages, 常见难题, print packs).
 *
 * The page carries the box hidden ([data-pb-filter], _parts.j2's filter_box) and marks its lists
 * .pb-filterable. Typing keeps the entries whose text holds every word typed (case and spaces
 * ignored); a group heading, and its link in the jump line, hide with the last entry of their
 * group. Escape clears the box. Only the page's own DOM: nothing is loaded, so it works from
 * file:// as well.
 */
(function () {
  "use strict";
  var PB = window.PB;

  /** @param {string} text */
  function fold(text) {
    return text.toLowerCase().replace(/\s+/g, "");
  }

  /** @param {HTMLElement} list */
  function heading(list) {
    var before = list.previousElementSibling;
    return before && /^H[2-6]$/.test(before.tagName) ? /** @type {HTMLElement} */ (before) : null;
  }

  /** @param {HTMLElement} box */
  function bind(box) {
    var scope = box.closest("article") || document.body;
    var input = /** @type {HTMLInputElement} */ (box.querySelector("input"));
    var status = box.querySelector(".pb-filter-status");
    /** @type {HTMLElement[]} */
    var lists = Array.from(scope.querySelectorAll(".pb-filterable"));
    var entries = lists.map(function (list) {
      return Array.from(list.children).map(function (/** @type {HTMLElement} */ item) {
        return { item: item, text: fold(item.textContent) };
      });
    });
    var total = entries.reduce(function (sum, items) {
      return sum + items.length;
    }, 0);

    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      lists.forEach(function (list, index) {
        var left = 0;
        entries[index].forEach(function (entry) {
          var match = words.every(function (word) {
            return entry.text.indexOf(word) >= 0;
          });
          entry.item.hidden = !match;
          if (match) left += 1;
        });
        shown += left;
        list.hidden = !left;
        var title = heading(list);
        if (!title) return;
        title.hidden = !left;
        if (title.id) {
          scope.querySelectorAll('.pb-index-groups a[href="#' + title.id + '"]').forEach(function (link) {
            /** @type {HTMLElement} */ (link).hidden = !left;
          });
        }
      });
      status.textContent = !words.length
        ? ""
        : shown
          ? "显示 " + shown + " 条，共 " + total + " 条"
          : "没有含“" + input.value.trim() + "”的条目，共 " + total + " 条";
    }

    input.addEventListener("input", apply);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        input.value = "";
        apply();
      }
    });
    box.hidden = false;
    if (input.value) apply(); // the browser restored a typed value (back button)
  }

  PB.onPage(function () {
    document.querySelectorAll("[data-pb-filter]:not([data-bound])").forEach(function (/** @type {HTMLElement} */ box) {
      box.dataset.bound = "1";
      bind(box);
    });
  });
})();
