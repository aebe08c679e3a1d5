/* 销售作战手册 — what changed since the rep's last visit: a mark on changed pages in the
 * sidebar, on index pages and on the page itself, and a short list on the home page.
 * Also keeps the "审核已逾期" mark true when an old build is read after its due date. */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;
  var data = window.PB_UPDATES || { changes: [] };
  var DAY = 86400000;

  function dateText(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  // page → {stamp, title} for pages changed after the previous visit and not opened since.
  function changedSince() {
    var previous = PB.visits.previous();
    var result = {};
    if (previous === null) return result;
    (data.changes || []).forEach(function (group) {
      if (group[0] * 1000 <= previous) return;
      group[1].forEach(function (name) {
        var page = name + ".html";
        if (!PB.visits.seen(page)) result[page] = { stamp: group[0], title: (data.titles || {})[name] };
      });
    });
    return result;
  }

  // The site-relative page a link points to ("techniques/x.html"), or null.
  function pageOf(link) {
    var url;
    try {
      url = new URL(link.getAttribute("href"), location.href);
    } catch {
      return null;
    }
    var full = url.href.split("#")[0].split("?")[0];
    return full.indexOf(PB.root) === 0 ? full.slice(PB.root.length) : null;
  }

  function mark(link, info) {
    if (link.querySelector(".pb-new-mark")) return;
    link.appendChild(
      h("span", { class: "pb-new-mark", title: "你上次访问后更新于 " + dateText(info.stamp * 1000), text: "新" }),
    );
  }

  function markLinks(changed) {
    document
      .querySelectorAll(".md-nav__link[href], .pb-index a[href], .pb-whatsnew-list a[href]")
      .forEach(function (link) {
        var page = pageOf(link);
        if (page && changed[page]) mark(link, changed[page]);
      });
  }

  function markThisPage(changed) {
    var here = pageOf(h("a", { href: location.href }));
    var line = document.querySelector(".pb-fresh");
    if (here && changed[here] && line && !line.querySelector(".pb-fresh-new")) {
      line.appendChild(h("span", { class: "pb-fresh-new", text: "你上次访问后更新过" }));
    }
    if (here && changed[here]) PB.visits.markSeen(here);
  }

  function homeList(changed) {
    var box = /** @type {HTMLElement | null} */ (document.querySelector("[data-pb-whatsnew] .pb-whatsnew-since"));
    if (!box) return;
    var previous = PB.visits.previous();
    var pages = Object.keys(changed).sort(function (a, b) {
      return changed[b].stamp - changed[a].stamp;
    });
    if (previous === null) {
      box.textContent = PB.visits.remembered()
        ? "这是你第一次打开本手册：下次再来时，这里会列出你上次访问之后更新的条目。"
        : "";
      box.hidden = !box.textContent;
      return;
    }
    var old = data.since && previous < data.since * 1000 ? "（只列出最近半年的更新）" : "";
    // Only the newest pages come with a title, and they are always the first ones here.
    var list = h(
      "ul",
      { class: "pb-whatsnew-new" },
      pages
        .filter(function (page) {
          return changed[page].title;
        })
        .slice(0, 10)
        .map(function (page) {
          return h(
            "li",
            {},
            h("a", { href: PB.root + page, text: changed[page].title }),
            h("span", { class: "pb-muted", text: " " + dateText(changed[page].stamp * 1000) }),
          );
        }),
    );
    box.replaceChildren(
      pages.length
        ? "你上次访问（" + dateText(previous) + "）以来更新了 " + pages.length + " 个条目" + old + "："
        : "你上次访问（" + dateText(previous) + "）以来没有条目更新。",
      pages.length ? list : "",
    );
    box.hidden = false;
    // The list since the last visit replaces the build's own "latest changes" list.
    var latest = /** @type {HTMLElement | null} */ (box.parentElement.querySelector(".pb-whatsnew-list"));
    if (latest) latest.hidden = pages.length > 0;
  }

  function overdue() {
    document.querySelectorAll(".pb-fresh[data-due]").forEach(function (/** @type {HTMLElement} */ line) {
      var days = Math.floor((Date.now() - Date.parse(line.dataset.due + "T23:59:59")) / DAY) + 1;
      if (days <= 0 || line.querySelector(".pb-fresh-overdue")) return;
      line.appendChild(h("span", { class: "pb-fresh-overdue", role: "status", text: "审核已逾期 " + days + " 天" }));
    });
  }

  function page() {
    PB.visits.view();
    var changed = changedSince();
    homeList(changed);
    markLinks(changed);
    markThisPage(changed);
    overdue();
  }

  PB.onPage(page);
  PB.visits.onChange(function () {
    var changed = changedSince();
    homeList(changed);
    markLinks(changed);
  });
})();
