/* 销售作战手册 — checklists as working tools: each tick and note is stored for the
 * current deal under the item's stable id; progress shows per checklist, activity, stage. */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;

  function bindChecklist(list) {
    var id = list.dataset.checklist;
    if (!list.querySelector(".pb-checklist-bar")) {
      list.insertBefore(
        h(
          "div",
          { class: "pb-checklist-bar pb-noprint" },
          h("div", { class: "pb-progress", "data-progress-checklist": id }),
          h("p", { class: "pb-deal-hint" }),
        ),
        list.firstChild,
      );
    }
    list.querySelectorAll("input.pb-check").forEach(function (box) {
      var item = box.dataset.item;
      var was = (box.dataset.was || "").split(" ").filter(Boolean);
      if (was.length) PB.store.adoptRenamed(id, item, was);
      if (box.dataset.bound) return;
      box.dataset.bound = "1";
      box.addEventListener("change", function () {
        var done = box.checked; // read first: creating a deal re-syncs the page from storage
        if (PB.ensureDeal()) PB.store.setCheck(id, item, { done: done });
        else sync(list); // nowhere to save it (storage full): show what is stored
      });
      var li = box.closest(".pb-check-item");
      var noteButton = h("button", {
        type: "button",
        class: "pb-note-toggle pb-noprint",
        "aria-expanded": "false",
        text: "备注",
      });
      var noteInput = h("input", {
        type: "text",
        class: "pb-check-note",
        hidden: true,
        "aria-label": "备注：" + li.querySelector(".pb-check-text").textContent,
        placeholder: "写一句备注",
      });
      noteButton.addEventListener("click", function () {
        noteInput.hidden = !noteInput.hidden;
        noteButton.setAttribute("aria-expanded", String(!noteInput.hidden));
        if (!noteInput.hidden) noteInput.focus();
      });
      noteInput.addEventListener("input", function () {
        var note = noteInput.value;
        if (PB.ensureDeal()) PB.store.setCheck(id, item, { note: note });
      });
      li.appendChild(noteButton);
      li.appendChild(noteInput);
    });
    sync(list);
  }

  function sync(list) {
    var id = list.dataset.checklist;
    list.querySelectorAll("input.pb-check").forEach(function (box) {
      var entry = PB.store.check(id, box.dataset.item);
      box.checked = !!(entry && entry.done);
      var li = box.closest(".pb-check-item");
      li.classList.toggle("pb-done", box.checked);
      var note = li.querySelector(".pb-check-note");
      if (note && document.activeElement !== note) {
        note.value = (entry && entry.note) || "";
        if (note.value) note.hidden = false;
      }
      var printed = li.querySelector(".pb-note-print");
      if (!printed) li.appendChild((printed = h("div", { class: "pb-note-print" })));
      printed.textContent = entry && entry.note ? "备注：" + entry.note : "";
    });
    PB.dealHint(list.querySelector(".pb-deal-hint"), "勾选");
  }

  function label(progress) {
    return progress.total ? progress.done + "/" + progress.total : "";
  }

  function progressBadges() {
    var deal = PB.store.current();
    document.querySelectorAll("[data-progress-checklist]").forEach(function (/** @type {HTMLElement} */ node) {
      var progress = PB.progress(deal, [node.dataset.progressChecklist]);
      node.textContent = progress.total ? "已完成 " + label(progress) : "";
      node.style.setProperty("--pb-done", String(progress.total ? progress.done / progress.total : 0));
      node.classList.toggle("pb-complete", progress.total > 0 && progress.done === progress.total);
    });
    document.querySelectorAll("[data-progress-stage]").forEach(function (/** @type {HTMLElement} */ node) {
      var stage = PB.manifest.stages.filter(function (/** @type {any} */ s) {
        return s.id === node.dataset.progressStage;
      })[0];
      var progress = PB.progress(deal, PB.checklistsFor(deal, stage ? stage.checklists : []));
      node.textContent = progress.total ? "本阶段清单已完成 " + label(progress) : "";
    });
  }

  function page() {
    document.querySelectorAll(".pb-checklist[data-checklist]").forEach(bindChecklist);
    progressBadges();
  }

  PB.onPage(page);
  PB.onChangeHooks.push(function () {
    document.querySelectorAll(".pb-checklist[data-checklist]").forEach(sync);
    progressBadges();
  });
})();
