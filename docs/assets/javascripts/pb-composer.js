/* 销售作战手册 — the course composer: modules from playbook items, running totals per
 * day, and a course YAML that drops into content/courses/ and validates unchanged. */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;
  var KEY = "playbook.composer";
  var METHODS = ["讲授", "讨论", "演练", "案例", "测验", "休息"];
  var SEEDS = ["000", "001", "002", "003", "004"];
  var draft = null;

  function blankModule() { return { title: "", minutes: 60, method: "讲授", items: [], objectives: "" }; }
  function blankDay(n) { return { title: "第" + "一二三四五"[n] + "天", start: "09:00", end: "17:00", modules: [blankModule()] }; }
  function blank() {
    return { id: "", title: "", summary: "", audience: "", outcomes: "", sources: ["003"], days: [blankDay(0)] };
  }

  function load() {
    try { draft = JSON.parse(localStorage.getItem(KEY)) || blank(); } catch (error) { draft = blank(); }
  }
  function save() { try { localStorage.setItem(KEY, JSON.stringify(draft)); } catch (error) { /* draft stays in memory */ } }

  function minutes(clock) { var p = /^(\d{2}):(\d{2})$/.exec(clock || ""); return p ? Number(p[1]) * 60 + Number(p[2]) : null; }
  function lines(text) { return String(text || "").split(/\n+/).map(function (s) { return s.trim(); }).filter(Boolean); }

  function problems() {
    var list = [];
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(draft.id)) list.push("课程 id 只能用小写字母、数字和短横线，如 phone-skills-workshop");
    if (!draft.title.trim()) list.push("请填写课程名称");
    if (!draft.summary.trim()) list.push("请填写一句话简介");
    if (!lines(draft.audience).length) list.push("请填写学员对象");
    if (!lines(draft.outcomes).length) list.push("请填写学习成果");
    if (!draft.sources.length) list.push("至少选择一份资料来源");
    draft.days.forEach(function (day, d) {
      var start = minutes(day.start), end = minutes(day.end);
      if (start === null || end === null || end <= start) list.push(day.title + "：时间应为 HH:MM，且结束晚于开始");
      var used = day.modules.reduce(function (sum, m) { return sum + (Number(m.minutes) || 0); }, 0);
      if (start !== null && end !== null && used > end - start) list.push(day.title + "：模块共 " + used + " 分钟，超出 " + (end - start) + " 分钟");
      day.modules.forEach(function (module, i) {
        if (!module.title.trim()) list.push(day.title + " 第 " + (i + 1) + " 个模块缺少标题");
        if (!(Number(module.minutes) >= 5)) list.push(day.title + " 第 " + (i + 1) + " 个模块至少 5 分钟");
      });
    });
    if (/[<>]/.test(JSON.stringify(draft))) list.push("文字里不能有 < 或 > 符号");
    return list;
  }

  // YAML: every string double-quoted (JSON strings are valid YAML), numbers bare.
  function q(text) { return JSON.stringify(String(text)); }
  PB.courseYaml = function (course) {
    var out = ["# yaml-language-server: $schema=../../schema/course.schema.json",
      "id: " + q(course.id), "title: " + q(course.title.trim()), "summary: " + q(course.summary.trim()),
      "sources: [" + course.sources.map(q).join(", ") + "]",
      "authored: " + q("课程由培训师用组课工具编排，内容引用手册条目。"),
      "audience:"].concat(lines(course.audience).map(function (s) { return "  - " + q(s); }), ["outcomes:"],
      lines(course.outcomes).map(function (s) { return "  - " + q(s); }), ["days:"]);
    course.days.forEach(function (day) {
      out.push("  - title: " + q(day.title), "    start: " + q(day.start), "    end: " + q(day.end), "    modules:");
      day.modules.forEach(function (module) {
        out.push("      - title: " + q(module.title.trim()), "        minutes: " + Number(module.minutes), "        method: " + q(module.method));
        var objectives = lines(module.objectives);
        if (objectives.length) out.push("        objectives: [" + objectives.map(q).join(", ") + "]");
        if (module.items.length) out.push("        items: [" + module.items.map(q).join(", ") + "]");
      });
    });
    return out.join("\n") + "\n";
  };

  function input(value, attrs, onchange) {
    var node = h("input", Object.assign({ value: value }, attrs));
    node.addEventListener("input", function () { onchange(node.value); save(); totals(); });
    return node;
  }

  function textarea(value, attrs, onchange) {
    var node = h("textarea", Object.assign({ rows: 2 }, attrs));
    node.value = value;
    node.addEventListener("input", function () { onchange(node.value); save(); totals(); });
    return node;
  }

  function itemPicker(module) {
    var list = h("ul", { class: "pb-picked" });
    function draw() {
      list.replaceChildren.apply(list, module.items.map(function (id) {
        var item = PB.manifest.catalog.filter(function (c) { return c.id === id; })[0];
        return h("li", {}, (item ? item.label + "：" + item.title : id) + " ",
          h("button", { type: "button", class: "pb-row-remove", "aria-label": "移除 " + (item ? item.title : id), text: "移除",
            onclick: function () { module.items.splice(module.items.indexOf(id), 1); save(); draw(); } }));
      }));
    }
    var search = h("input", { type: "text", list: "pb-catalog", class: "pb-item-search", placeholder: "输入条目名称，如 电话技巧", "aria-label": "添加手册条目" });
    var add = h("button", { type: "button", class: "md-button", text: "添加条目", onclick: function () {
      var text = search.value.trim();
      var match = PB.manifest.catalog.filter(function (c) { return c.title === text || c.id === text || c.label + "：" + c.title === text; })[0];
      if (!match) { search.setCustomValidity("手册里没有这个条目"); search.reportValidity(); return; }
      search.setCustomValidity("");
      if (module.items.indexOf(match.id) < 0) module.items.push(match.id);
      search.value = "";
      save(); draw();
    } });
    draw();
    return h("div", { class: "pb-picker" }, search, add, list);
  }

  function moduleRow(day, module, index) {
    return h("fieldset", { class: "pb-module" }, h("legend", { text: "模块 " + (index + 1) }),
      h("label", {}, "标题 ", input(module.title, { class: "pb-module-title" }, function (v) { module.title = v; })),
      h("label", {}, "分钟 ", input(module.minutes, { type: "number", min: 5, step: 5, class: "pb-module-minutes" }, function (v) { module.minutes = Number(v); })),
      h("label", {}, "方式 ", (function () {
        var select = h("select", { class: "pb-module-method" }, METHODS.map(function (m) { return h("option", { selected: m === module.method, text: m }); }));
        select.addEventListener("change", function () { module.method = select.value; save(); });
        return select;
      })()),
      h("label", {}, "目标（每行一条） ", textarea(module.objectives, {}, function (v) { module.objectives = v; })),
      itemPicker(module),
      h("button", { type: "button", class: "md-button pb-danger", text: "删除模块", onclick: function () {
        day.modules.splice(index, 1); save(); render();
      } }));
  }

  function totals() {
    draft.days.forEach(function (day, d) {
      var node = document.querySelector('[data-day-total="' + d + '"]');
      if (!node) return;
      var start = minutes(day.start), end = minutes(day.end);
      var used = day.modules.reduce(function (sum, m) { return sum + (Number(m.minutes) || 0); }, 0);
      var available = start !== null && end !== null ? end - start : 0;
      node.textContent = "已排 " + used + " 分钟 / 可用 " + available + " 分钟" + (used > available ? "（超出 " + (used - available) + " 分钟）" : "（剩余 " + (available - used) + " 分钟）");
      node.classList.toggle("pb-over", used > available);
    });
    var list = document.querySelector(".pb-composer-problems");
    if (list) {
      var found = problems();
      list.replaceChildren.apply(list, found.map(function (p) { return h("li", { text: p }); }));
      document.querySelector("#pb-composer-download").disabled = found.length > 0;
    }
  }

  function render() {
    var app = document.getElementById("pb-composer");
    if (!app) return;
    if (!draft) load();
    var catalog = h("datalist", { id: "pb-catalog" }, PB.manifest.catalog.map(function (c) { return h("option", { value: c.title, text: c.label }); }));
    app.replaceChildren.apply(app, [].concat(catalog,
      h("fieldset", { class: "pb-course-meta" }, h("legend", { text: "课程" }),
        h("label", {}, "课程 id（文件名） ", input(draft.id, { id: "pb-course-id", placeholder: "如 objection-workshop" }, function (v) { draft.id = v.trim(); })),
        h("label", {}, "课程名称 ", input(draft.title, { id: "pb-course-title" }, function (v) { draft.title = v; })),
        h("label", {}, "一句话简介 ", input(draft.summary, { id: "pb-course-summary" }, function (v) { draft.summary = v; })),
        h("label", {}, "学员对象（每行一条） ", textarea(draft.audience, { id: "pb-course-audience" }, function (v) { draft.audience = v; })),
        h("label", {}, "学习成果（每行一条） ", textarea(draft.outcomes, { id: "pb-course-outcomes" }, function (v) { draft.outcomes = v; })),
        h("fieldset", {}, h("legend", { text: "资料来源" }), SEEDS.map(function (seed) {
          var box = h("input", { type: "checkbox", checked: draft.sources.indexOf(seed) >= 0 });
          box.addEventListener("change", function () {
            draft.sources = SEEDS.filter(function (s) { return s === seed ? box.checked : draft.sources.indexOf(s) >= 0; });
            save(); totals();
          });
          return h("label", { class: "pb-inline" }, box, " 种子资料 " + seed);
        }))),
      draft.days.map(function (day, d) {
        return h("section", { class: "pb-day" },
          h("h2", {}, input(day.title, { class: "pb-day-name", "aria-label": "第 " + (d + 1) + " 天名称" }, function (v) { day.title = v; })),
          h("p", {}, h("label", {}, "开始 ", input(day.start, { type: "time", class: "pb-day-start" }, function (v) { day.start = v; })), " ",
            h("label", {}, "结束 ", input(day.end, { type: "time", class: "pb-day-end" }, function (v) { day.end = v; })), " ",
            h("strong", { class: "pb-day-total", "data-day-total": String(d) })),
          day.modules.map(function (module, i) { return moduleRow(day, module, i); }),
          h("button", { type: "button", class: "md-button", text: "添加模块", onclick: function () { day.modules.push(blankModule()); save(); render(); } }),
          draft.days.length > 1 ? h("button", { type: "button", class: "md-button pb-danger", text: "删除这一天", onclick: function () {
            draft.days.splice(d, 1); save(); render();
          } }) : null);
      }),
      h("p", {}, h("button", { type: "button", class: "md-button", text: "添加一天", onclick: function () { draft.days.push(blankDay(draft.days.length)); save(); render(); } }),
        h("button", { type: "button", class: "md-button pb-danger", text: "清空重来", onclick: function () {
          if (window.confirm("清空当前草稿？")) { draft = blank(); save(); render(); }
        } })),
      h("ul", { class: "pb-composer-problems pb-error", "aria-live": "polite" }),
      h("button", { type: "button", id: "pb-composer-download", class: "md-button md-button--primary", text: "下载课程 YAML", onclick: function () {
        PB.download(draft.id + ".yml", new Blob([PB.courseYaml(draft)], { type: "text/yaml" }));
      } })).filter(Boolean));
    totals();
  }

  PB.onPage(render);
})();
