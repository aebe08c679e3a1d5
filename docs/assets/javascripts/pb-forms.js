/* 销售作战手册 — templates as forms: values saved per deal at once, numbers and dates
 * checked as typed, table rows added and removed, letter slots filled from the fields. */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;
  var NUMBER = /^-?\d+(\.\d+)?$/;

  PB.parseNumber = function (text) {
    var clean = String(text).replace(/[,，\s]/g, "");
    return NUMBER.test(clean) ? Number(clean) : null;
  };

  function ensureDeal() {
    if (!PB.store.current()) PB.store.create({ name: "未命名商机" });
  }

  function showError(wrapper, message) {
    var error = wrapper.querySelector(".pb-error");
    if (!error) wrapper.appendChild(error = h("p", { class: "pb-error", role: "alert" }));
    error.textContent = message || "";
    error.hidden = !message;
    wrapper.querySelectorAll("input, textarea, select").forEach(function (control) {
      if (message) control.setAttribute("aria-invalid", "true"); else control.removeAttribute("aria-invalid");
    });
  }

  function check(wrapper, control) {
    var type = control.closest("[data-type]").dataset.type;
    var value = control.value.trim();
    if ((type === "number" || type === "money") && value && PB.parseNumber(value) === null) {
      return type === "money" ? "请输入金额数字，例如 12000 或 3.5（不要写单位）" : "请输入数字，例如 120 或 35.5";
    }
    if (type === "date" && control.validity && control.validity.badInput) return "日期不完整或不存在，请按 年-月-日 填写";
    return "";
  }

  // Read a field's value from the page; tables become a list of row objects.
  function read(wrapper) {
    var type = wrapper.dataset.type;
    if (type === "checkbox") return wrapper.querySelector("input").checked;
    if (type === "multichoice") {
      return Array.prototype.filter.call(wrapper.querySelectorAll("input"), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
    }
    if (type === "table") {
      return Array.prototype.map.call(wrapper.querySelectorAll("tbody tr"), function (tr) {
        var row = {};
        tr.querySelectorAll("td[data-column]").forEach(function (td) { row[td.dataset.column] = td.querySelector("input").value; });
        return row;
      });
    }
    return wrapper.querySelector("input, textarea, select").value;
  }

  function write(wrapper, value) {
    var type = wrapper.dataset.type;
    if (type === "checkbox") { wrapper.querySelector("input").checked = !!value; return; }
    if (type === "multichoice") {
      wrapper.querySelectorAll("input").forEach(function (i) { i.checked = Array.isArray(value) && value.indexOf(i.value) >= 0; });
      return;
    }
    if (type === "table") { fillTable(wrapper, Array.isArray(value) ? value : []); return; }
    var control = wrapper.querySelector("input, textarea, select");
    if (document.activeElement !== control) control.value = value === undefined || value === null ? "" : value;
  }

  function rowFrom(template) {
    var tr = template.cloneNode(true);
    var tools = tr.querySelector(".pb-row-tools");
    if (tools) tools.remove(); // listeners are not cloned; decorateRow adds fresh ones
    tr.querySelectorAll("input").forEach(function (input) { input.value = ""; });
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
    var cell = h("td", { class: "pb-noprint pb-row-tools" }, h("button", { type: "button", class: "pb-row-remove",
      "aria-label": "删除这一行", text: "删除", onclick: function () {
        if (tr.parentNode.rows.length > 1) tr.remove();
        else tr.querySelectorAll("input").forEach(function (i) { i.value = ""; });
        save(wrapper);
      } }));
    tr.appendChild(cell);
  }

  function save(wrapper) {
    var form = wrapper.closest("form[data-template]");
    var value = read(wrapper); // read first: creating a deal re-syncs the page from storage
    ensureDeal();
    PB.store.setField(form.dataset.template, wrapper.dataset.field, value);
    slots(form.dataset.template);
  }

  function slots(template) {
    var values = PB.store.formValues(template);
    document.querySelectorAll('.pb-letter[data-template="' + template + '"] .pb-slot').forEach(function (slot) {
      if (!slot.dataset.label) slot.dataset.label = slot.textContent;
      var value = values[slot.dataset.field];
      slot.textContent = value && !Array.isArray(value) ? value : slot.dataset.label;
      slot.classList.toggle("pb-slot-filled", !!value);
    });
  }

  function bindForm(form) {
    if (!form.dataset.bound) {
      form.dataset.bound = "1";
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.querySelectorAll(".pb-field[data-field]").forEach(function (wrapper) {
        if (wrapper.closest(".pb-form-table")) return;
        if (wrapper.dataset.type === "table") {
          wrapper.querySelector("thead tr").appendChild(h("th", { class: "pb-noprint" }));
          wrapper.appendChild(h("button", { type: "button", class: "pb-row-add pb-noprint", text: "添加一行",
            onclick: function () {
              var body = wrapper.querySelector("tbody");
              var tr = rowFrom(body.rows[0]);
              body.appendChild(tr);
              decorateRow(wrapper, tr);
              tr.querySelector("input").focus();
              save(wrapper);
            } }));
        }
        wrapper.addEventListener("input", function (event) {
          var message = event.target.matches("input[type=text], input[type=date]") ? check(wrapper, event.target) : "";
          showError(event.target.closest("td") || wrapper, message);
          save(wrapper);
        });
        wrapper.addEventListener("change", function (event) {
          if (event.target.type === "date") markEmptyDate(event.target);
          showError(event.target.closest("td") || wrapper, event.target.matches("input[type=text], input[type=date]") ? check(wrapper, event.target) : "");
          save(wrapper);
        });
      });
    }
    sync(form);
  }

  // An empty date field prints as a blank line, not as the browser's "yyyy/mm/dd" mask.
  function markEmptyDate(input) { input.classList.toggle("pb-empty", !input.value); }

  function sync(form) {
    var values = PB.store.formValues(form.dataset.template);
    form.querySelectorAll(".pb-field[data-field]").forEach(function (wrapper) { write(wrapper, values[wrapper.dataset.field]); });
    form.querySelectorAll("input[type=date]").forEach(markEmptyDate);
    slots(form.dataset.template);
  }

  PB.syncForms = function () { document.querySelectorAll("form.pb-form[data-template]").forEach(sync); };
  PB.onPage(function () { document.querySelectorAll("form.pb-form[data-template]").forEach(bindForm); });
  PB.onChangeHooks.push(PB.syncForms);
})();
