/* 销售作战手册 — print a page blank, filled from the current deal, or (for letters,
 * quotations and contracts) the customer's document alone.
 *
 * Before anything prints (our buttons, Ctrl+P, or the PDF step calling PB.preparePrint),
 * every form control gets a print-only copy of its value that wraps instead of being cut
 * off by the box, and an empty dropdown lists its options to tick. Nothing stored changes. */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;
  var SITE = "销售作战手册";
  var MODES = { filled: 1, blank: 1, document: 1 };
  var CONTROLS = ".pb-form input:not([type=checkbox]):not([type=radio]), .pb-form textarea, .pb-form select";

  // A blank copy is for writing on: its header and letter carry nothing of the deal
  // (transparent text would still be in the PDF's text).
  function fillHeaders() {
    var deal = PB.printingBlank ? null : PB.store.current();
    var values = {
      customer: deal ? deal.customer : "",
      name: deal ? deal.name : "",
      owner: deal ? deal.owner : "",
      date: PB.printingBlank ? "" : PB.today(),
    };
    document.querySelectorAll(".pb-print-header [data-deal]").forEach(function (/** @type {HTMLElement} */ node) {
      node.textContent = values[node.dataset.deal] || "";
    });
  }

  // The running header of every printed page: @page margin boxes (print.css) take their
  // text from here, so a 20-page handout says what it is on each sheet.
  function cssString(text) {
    var plain = Array.prototype.map
      .call(String(text), function (c) {
        return c.charCodeAt(0) < 32 || c === "\u007f" ? " " : c;
      })
      .join("");
    return '"' + plain.replace(/[\\"]/g, "\\$&") + '"';
  }
  function runningHead() {
    var article = document.querySelector(".md-content__inner");
    var own = article && article.getAttribute("data-pb-running-head");
    if (own) return own;
    var title = article && article.querySelector("h1");
    var text = title ? title.textContent.trim() : "";
    return text && text !== SITE ? SITE + " · " + text : SITE;
  }
  // The customer's document has room for the letterhead and nothing of the playbook on it.
  function pageStyle(mode) {
    var style = document.getElementById("pb-page-style");
    if (!style) document.head.appendChild((style = h("style", { id: "pb-page-style" })));
    style.textContent =
      mode === "document"
        ? "@page { margin: 38mm 20mm 20mm; @top-left { content: none; } }"
        : "@page { @top-left { content: " + cssString(runningHead()) + "; } }";
  }

  function options(select) {
    return Array.prototype.filter
      .call(select.options, function (option) {
        return option.value !== "";
      })
      .map(function (option) {
        return h("span", { class: "pb-print-option", text: "□ " + option.text });
      });
  }

  // A print-only twin of one control: the whole value, or the choices of an empty dropdown.
  function mirror(control, blank) {
    var twin = control.nextElementSibling;
    if (!twin || !twin.classList.contains("pb-print-value")) {
      twin = h("span", { class: "pb-print-value", "aria-hidden": "true" });
      control.parentNode.insertBefore(twin, control.nextSibling);
    }
    var value = blank ? "" : control.value;
    var listed = control.tagName === "SELECT" && !value;
    twin.classList.toggle("pb-print-options", listed);
    if (listed) twin.replaceChildren.apply(twin, options(control));
    else twin.textContent = value;
  }

  // The customer's document: the letter with its slots filled, then the tables it attaches.
  function attachment(letter) {
    var form = document.querySelector('form.pb-form[data-template="' + letter.dataset.template + '"]');
    return (letter.dataset.attach || "")
      .split(" ")
      .filter(Boolean)
      .map(function (fieldId) {
        var field = form && form.querySelector('.pb-field[data-field="' + fieldId + '"]');
        if (!field) return null;
        var heads = Array.prototype.map.call(field.querySelectorAll("thead th:not(.pb-noprint)"), function (th) {
          return th.textContent;
        });
        var rows = Array.prototype.map
          .call(field.querySelectorAll("tbody tr"), function (tr) {
            return Array.prototype.map.call(tr.querySelectorAll("td[data-column] input"), function (input) {
              return input.value.trim();
            });
          })
          .filter(function (cells) {
            return cells.some(Boolean);
          });
        var label = field.querySelector("label, legend");
        return h(
          "section",
          { class: "pb-document-attachment" },
          h("h2", { text: "附：" + (label ? label.textContent.replace(/\*$/, "").trim() : fieldId) }),
          h(
            "table",
            {},
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                heads.map(function (text) {
                  return h("th", { text: text });
                }),
              ),
            ),
            h(
              "tbody",
              {},
              rows.map(function (cells) {
                return h(
                  "tr",
                  {},
                  cells.map(function (text) {
                    return h("td", { text: text });
                  }),
                );
              }),
            ),
          ),
        );
      });
  }

  function buildDocument() {
    var letter = document.querySelector(".pb-letter");
    var article = document.querySelector(".md-content__inner");
    if (!letter || !article) return;
    var doc = h("div", { class: "pb-document" }, letter.cloneNode(true), attachment(letter));
    article.appendChild(doc);
  }

  function reset() {
    document.body.classList.remove("pb-print-blank", "pb-print-document");
    document.querySelectorAll(".pb-document").forEach(function (node) {
      node.remove();
    });
  }

  var prepared = false; // set up for this print already: Ctrl+P's beforeprint must not redo it
  // Everything a print needs, without opening the print dialog (the PDF step calls this).
  PB.preparePrint = function (mode) {
    mode = MODES[mode] ? mode : "filled";
    prepared = true;
    reset();
    PB.printingBlank = mode === "blank";
    document.body.classList.toggle("pb-print-blank", mode === "blank");
    document.body.classList.toggle("pb-print-document", mode === "document");
    if (PB.syncForms) PB.syncForms(); // blank tables show their printed number of rows
    fillHeaders();
    pageStyle(mode);
    document.querySelectorAll(CONTROLS).forEach(function (control) {
      mirror(control, mode === "blank");
    });
    if (mode === "blank") {
      document.querySelectorAll(".pb-slot").forEach(function (/** @type {HTMLElement} */ slot) {
        if (slot.dataset.label) slot.textContent = slot.dataset.label;
        slot.classList.remove("pb-slot-filled");
      });
    }
    if (mode === "document") buildDocument();
  };

  PB.print = function (mode) {
    if (mode === true) mode = "blank";
    if (mode === false) mode = "filled";
    PB.preparePrint(mode);
    window.print();
  };

  window.addEventListener("beforeprint", function () {
    if (!prepared) PB.preparePrint("filled"); // Ctrl+P prints what is on the screen
  });
  window.addEventListener("afterprint", function () {
    prepared = false;
    var wasBlank = PB.printingBlank;
    PB.printingBlank = false;
    reset();
    pageStyle("filled");
    if (wasBlank) {
      if (PB.syncForms) PB.syncForms();
      fillHeaders();
    }
  });

  function documentButton() {
    // Only a template's own page: a stage's print pack has several forms.
    var own = document.querySelector('.pb-lead[data-kind="template"]') && document.querySelector(".pb-letter");
    var bar = own && document.querySelector(".pb-print-bar");
    if (!bar || bar.querySelector('[data-print="document"]')) return;
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(
      h("button", {
        type: "button",
        class: "md-button",
        "data-print": "document",
        title: "只印正文和附表，不印填写说明和注意事项，可用公司信纸打印",
        text: "只打印文书（给客户）",
      }),
    );
  }

  PB.onPage(function () {
    documentButton();
    fillHeaders();
    pageStyle();
    document.querySelectorAll("[data-print]:not([data-bound])").forEach(function (/** @type {HTMLElement} */ button) {
      button.dataset.bound = "1";
      button.addEventListener("click", function () {
        PB.print(button.dataset.print);
      });
    });
  });
  PB.onChangeHooks.push(fillHeaders);
})();
