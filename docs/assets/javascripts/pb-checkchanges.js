/* 销售作战手册 — a checklist tells the rep which of its items are new or reworded since they
 * ticked it for the current deal (items carry data-added / data-changed, epoch seconds). */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;

  function stamp(value) {
    return value ? Number(value) * 1000 : 0;
  }

  function show(list) {
    var deal = PB.store.current();
    var stored = (deal && deal.checks[list.dataset.checklist]) || {};
    var ticks = Object.keys(stored).map(function (id) {
      return Date.parse(stored[id].at) || 0;
    });
    var lastTick = ticks.length ? Math.max.apply(null, ticks) : 0;
    var added = 0,
      changed = 0;
    list.querySelectorAll("input.pb-check").forEach(function (box) {
      var entry = stored[box.dataset.item];
      var at = entry ? Date.parse(entry.at) || 0 : 0;
      var kind =
        entry && at && stamp(box.dataset.changed) > at
          ? "changed"
          : !entry && lastTick && stamp(box.dataset.added) > lastTick
            ? "added"
            : "";
      var li = box.closest(".pb-check-item");
      var badge = li.querySelector(".pb-check-change");
      if (!kind) {
        if (badge) badge.remove();
        return;
      }
      if (kind === "added") added += 1;
      else changed += 1;
      if (!badge) li.querySelector("label").appendChild((badge = h("span", { class: "pb-check-change pb-noprint" })));
      badge.dataset.change = kind;
      badge.textContent = kind === "added" ? "新增项" : "你勾选后改过";
      badge.title = kind === "added" ? "你上次勾选这张清单之后新加的一项" : "这一项的文字在你勾选之后改过，请再核对";
    });
    var note = list.querySelector(".pb-check-changes");
    if (!added && !changed) {
      if (note) note.remove();
      return;
    }
    if (!note)
      list.insertBefore(
        (note = h("p", { class: "pb-check-changes pb-noprint", role: "status" })),
        list.querySelector(".pb-check-group"),
      );
    note.textContent =
      "你上次勾选这张清单之后，手册" +
      (added ? "新增了 " + added + " 项" : "") +
      (added && changed ? "、" : "") +
      (changed ? "改了 " + changed + " 项的文字" : "") +
      "（已在下面标出）。";
  }

  function all() {
    document.querySelectorAll(".pb-checklist[data-checklist]").forEach(show);
  }
  PB.onPage(all);
  PB.onChangeHooks.push(all);
})();
