/* 销售作战手册 — templates as forms: values saved per deal at once, numbers and dates
 * checked as typed, table rows added and removed, letter slots filled from the fields. */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;
  /** @param {Element} wrapper @param {string} message */
  function showError(wrapper, message) {
    var error = wrapper.querySelector(".pb-error");
    if (!error) wrapper.appendChild((error = h("p", { class: "pb-error", role: "alert" })));
    error.textContent = message || "";
    /** @type {HTMLElement} */ (error).hidden = !message;
    wrapper.querySelectorAll("input, textarea, select").forEach(function (control) {
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    });
  }

  /** The type of the field or table column a control belongs to. @param {Element} control */
  function typeOf(control) {
    return /** @type {HTMLElement} */ (control.closest("[data-type]")).dataset.type || "text";
  }

  /** What a typed control holds: its converted value when valid, else the text as typed (kept, and flagged). */
  function inputValue(/** @type {HTMLInputElement} */ control) {
    var checked = PB.checkValue(typeOf(control), control.value);
    return checked.error ? control.value : checked.value;
  }

  /** Flag a text control whose value is not valid for its type, or clear the flag. */
  function flag(/** @type {HTMLInputElement} */ control) {
    var cell = control.closest("td") || control.closest(".pb-field[data-field]");
    if (cell) showError(cell, PB.checkValue(typeOf(control), control.value).error);
  }

  // Read a field's value from the page; tables become a list of row objects.
  function read(wrapper) {
    var type = wrapper.dataset.type;
    if (type === "checkbox") return wrapper.querySelector("input").checked;
    if (type === "multichoice") {
      return Array.prototype.filter
        .call(wrapper.querySelectorAll("input"), function (i) {
          return i.checked;
        })
        .map(function (i) {
          return i.value;
        });
    }
    if (type === "table") {
      return Array.prototype.map.call(wrapper.querySelectorAll("tbody tr"), function (tr) {
        var row = {};
        tr.querySelectorAll("td[data-column]").forEach(function (td) {
          row[td.dataset.column] = inputValue(td.querySelector("input"));
        });
        return row;
      });
    }
    var control = wrapper.querySelector("input, textarea, select");
    return control.matches("input[type=text]") ? inputValue(control) : control.value;
  }

  function write(wrapper, value) {
    var type = wrapper.dataset.type;
    if (type === "checkbox") {
      wrapper.querySelector("input").checked = !!value;
      return;
    }
    if (type === "multichoice") {
      wrapper.querySelectorAll("input").forEach(function (i) {
        i.checked = Array.isArray(value) && value.indexOf(i.value) >= 0;
      });
      return;
    }
    if (type === "table") {
      fillTable(wrapper, Array.isArray(value) ? value : []);
      return;
    }
    var control = wrapper.querySelector("input, textarea, select");
    if (document.activeElement !== control) control.value = value === undefined || value === null ? "" : value;
  }

  function rowFrom(template) {
    var tr = template.cloneNode(true);
    var tools = tr.querySelector(".pb-row-tools");
    if (tools) tools.remove(); // listeners are not cloned; decorateRow adds fresh ones
    tr.querySelectorAll("input").forEach(function (input) {
      input.value = "";
    });
    return tr;
  }

  function fillTable(wrapper, rows) {
    var body = wrapper.querySelector("tbody");
    var blank = Number(wrapper.querySelector("table").dataset.rows) || 3;
    var model = body.querySelector("tr");
    var want = Math.max(rows.length, PB.printingBlank ? blank : 1);
    while (body.rows.length < want) body.appendChild(rowFrom(model));
    while (body.rows.length > want) body.deleteRow(body.rows.length - 1);
    Array.prototype.forEach.call(body.rows, function (tr, index) {
      tr.querySelectorAll("td[data-column]").forEach(function (td) {
        var input = td.querySelector("input");
        if (document.activeElement !== input) input.value = (rows[index] && rows[index][td.dataset.column]) || "";
      });
      decorateRow(wrapper, tr);
    });
  }

  function decorateRow(wrapper, tr) {
    if (tr.querySelector(".pb-row-remove")) return;
    var cell = h(
      "td",
      { class: "pb-noprint pb-row-tools" },
      h("button", {
        type: "button",
        class: "pb-row-remove",
        "aria-label": "删除这一行",
        text: "删除",
        onclick: function () {
          if (tr.parentNode.rows.length > 1) tr.remove();
          else
            tr.querySelectorAll("input").forEach(function (i) {
              i.value = "";
            });
          save(wrapper);
        },
      }),
    );
    tr.appendChild(cell);
  }

  /** Save one field of the current deal (creating “未命名商机” when there is none). @param {Element} wrapper */
  function save(wrapper) {
    var form = /** @type {HTMLFormElement} */ (wrapper.closest("form[data-template]"));
    var value = read(wrapper); // read first: creating a deal re-syncs the page from storage
    if (PB.ensureDeal())
      PB.store.setField(form.dataset.template, /** @type {HTMLElement} */ (wrapper).dataset.field, value);
    else sync(form); // nowhere to save it (storage full): show what is stored
  }

  /**
   * Letter slots show the form's values; an invalid number, amount or date stays out of the
   * letter (the slot keeps its label) until it is fixed.
   * @param {string} template
   */
  function slots(template) {
    var values = PB.store.formValues(template);
    var info = PB.templateInfo(template);
    /** @type {Object<string, string>} */
    var types = PB.map();
    (info ? info.fields : []).forEach(function (/** @type {any} */ field) {
      types[field.id] = field.type;
    });
    document.querySelectorAll('.pb-letter[data-template="' + template + '"] .pb-slot').forEach(function (node) {
      var slot = /** @type {HTMLElement} */ (node);
      if (!slot.dataset.label) slot.dataset.label = slot.textContent || "";
      var value = PB.usableValue(types[slot.dataset.field || ""] || "text", values[slot.dataset.field || ""]);
      var text = typeof value === "string" ? value : "";
      slot.textContent = text || slot.dataset.label;
      slot.classList.toggle("pb-slot-filled", !!text);
    });
  }

  function bindForm(form) {
    if (!form.dataset.bound) {
      form.dataset.bound = "1";
      form.addEventListener("submit", function (event) {
        event.preventDefault();
      });
      form.querySelectorAll(".pb-field[data-field]").forEach(function (wrapper) {
        if (wrapper.closest(".pb-form-table")) return;
        if (wrapper.dataset.type === "table") {
          wrapper
            .querySelector("thead tr")
            .appendChild(h("th", { class: "pb-noprint" }, h("span", { class: "pb-visually-hidden", text: "操作" })));
          wrapper.appendChild(
            h("button", {
              type: "button",
              class: "md-button pb-row-add pb-noprint",
              text: "＋ 添加一行",
              onclick: function () {
                var body = wrapper.querySelector("tbody");
                var tr = rowFrom(body.rows[0]);
                body.appendChild(tr);
                decorateRow(wrapper, tr);
                tr.querySelector("input").focus();
                save(wrapper);
              },
            }),
          );
        }
        wrapper.addEventListener("input", function (event) {
          var target = /** @type {HTMLInputElement} */ (event.target);
          if (target.matches("input[type=text]")) flag(target);
          save(wrapper);
        });
        // On leaving a control, show the converted value (１２，０００ → 12000, 2026/3/1 → 2026-03-01).
        wrapper.addEventListener("change", function (event) {
          var target = /** @type {HTMLInputElement} */ (event.target);
          if (target.matches("input[type=text]")) {
            var value = inputValue(target);
            if (typeof value === "string" && value !== target.value) target.value = value;
            flag(target);
          }
          save(wrapper);
        });
      });
      var bar = h("p", { class: "pb-deal-hint pb-noprint" });
      form.insertBefore(bar, form.firstChild);
    }
    sync(form);
  }

  /** Show the current deal's values in a form, each invalid one flagged. @param {HTMLFormElement} form */
  function sync(form) {
    var values = PB.store.formValues(form.dataset.template);
    form.querySelectorAll(".pb-field[data-field]").forEach(function (wrapper) {
      write(wrapper, values[/** @type {HTMLElement} */ (wrapper).dataset.field || ""]);
    });
    form.querySelectorAll("input[type=text]").forEach(function (control) {
      flag(/** @type {HTMLInputElement} */ (control));
    });
    PB.dealHint(form.querySelector(".pb-deal-hint"), "填写");
    slots(form.dataset.template || "");
  }

  PB.syncForms = function () {
    document.querySelectorAll("form.pb-form[data-template]").forEach(sync);
  };
  PB.onPage(function () {
    document.querySelectorAll("form.pb-form[data-template]").forEach(bindForm);
  });
  PB.onChangeHooks.push(PB.syncForms);
})();
