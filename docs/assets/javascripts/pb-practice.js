/* 销售作战手册 — rehearse a script: practice mode hides the rep's words (not the coaching
 * notes, which are the learner's prompts) until clicked or all revealed; printing always
 * prints the whole script; the observer sheet prints on its own. */
(function () {
  "use strict";
  var PB = window.PB;

  function setPractice(dialogue, button, all, on) {
    dialogue.classList.toggle("pb-practicing", on);
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? "退出练习模式" : "练习模式：隐藏销售的台词";
    all.hidden = !on;
    dialogue.querySelectorAll(".pb-say-rep").forEach(function (line) {
      line.classList.toggle("pb-hidden-line", on);
      if (on) {
        line.setAttribute("tabindex", "0");
        line.setAttribute("role", "button");
        line.setAttribute("aria-label", "点击显示销售的台词");
      } else {
        line.removeAttribute("tabindex");
        line.removeAttribute("role");
        line.removeAttribute("aria-label");
      }
    });
  }

  function reveal(line) {
    if (!line.classList.contains("pb-hidden-line")) return;
    line.classList.remove("pb-hidden-line");
    line.removeAttribute("aria-label");
    line.removeAttribute("role");
    line.removeAttribute("tabindex");
  }

  PB.onPage(function () {
    document.querySelectorAll(".pb-dialogue:not([data-bound])").forEach(function (/** @type {HTMLElement} */ dialogue) {
      dialogue.dataset.bound = "1";
      var bar = dialogue.previousElementSibling;
      var button = bar && bar.querySelector("[data-practice]");
      if (!button) return;
      var all = PB.h("button", {
        type: "button",
        class: "md-button",
        "data-reveal-all": "",
        hidden: true,
        text: "全部显示",
        onclick: function () {
          dialogue.querySelectorAll(".pb-say-rep").forEach(reveal);
        },
      });
      button.after(" ", all);
      button.addEventListener("click", function () {
        setPractice(dialogue, button, all, !dialogue.classList.contains("pb-practicing"));
      });
      dialogue.addEventListener("click", function (event) {
        var line = /** @type {HTMLElement} */ (event.target).closest(".pb-say-rep");
        if (line) reveal(line);
      });
      dialogue.addEventListener("keydown", function (event) {
        var line = /** @type {HTMLElement} */ (event.target).closest(".pb-say-rep");
        var key = /** @type {KeyboardEvent} */ (event).key;
        if (line && (key === "Enter" || key === " ")) {
          event.preventDefault();
          reveal(line);
        }
      });
      var observer = bar.querySelector("[data-print-observer]");
      observer.addEventListener("click", function () {
        document.body.classList.add("pb-print-observer");
        window.print();
      });
    });
  });
  window.addEventListener("afterprint", function () {
    document.body.classList.remove("pb-print-observer");
  });
})();
