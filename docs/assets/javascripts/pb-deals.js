/* 销售作战手册 — the “我的商机” page: create, switch, rename, archive and delete deals;
 * progress per stage and the next step; export and import (JSON, Excel). */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;
  var showArchived = false;
  var pendingImport = null;

  /** Local time in file names: 20261202-0630. */
  function stamp() {
    return PB.fileStamp();
  }

  function exportJson(ids, name) {
    var data = PB.store.exportData(ids);
    PB.download(name + ".json", new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  }

  function exportXlsx(deals, name) {
    var sheets = [];
    if (deals.length > 1) {
      sheets.push({
        name: "商机列表",
        rows: [["序号", "客户名称", "商机名称", "负责人", "最后更新"]].concat(
          deals.map(function (d, i) {
            return [i + 1, d.customer, d.name, d.owner, PB.xlsxTime(d.updated)];
          }),
        ),
      });
    }
    deals.forEach(function (deal, i) {
      sheets = sheets.concat(PB.dealSheets(deal, deals.length > 1 ? i + 1 + "-" : ""));
    });
    PB.download(
      name + ".xlsx",
      new Blob([PB.workbook(sheets)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    );
  }

  /** Stored items whose checklist item is no longer in the content. @param {any} deal @returns {string[]} */
  function orphans(deal) {
    /** @type {string[]} */
    var found = [];
    Object.keys(deal.checks).forEach(function (id) {
      var info = PB.checklistInfo(id);
      var known = PB.map();
      if (info)
        info.items.forEach(function (item) {
          known[item.id] = true;
          item.was.forEach(function (old) {
            known[old] = true;
          });
        });
      Object.keys(deal.checks[id]).forEach(function (itemId) {
        if (!known[itemId])
          found.push(
            (info ? info.title : "（已删除的清单 " + id + "）") +
              " / " +
              itemId +
              (deal.checks[id][itemId].done ? "（已勾选）" : ""),
          );
      });
    });
    return found;
  }

  function modeSelect(value, id) {
    return h(
      "select",
      { id: id, name: "mode" },
      h("option", { value: "", text: "（暂不确定）" }),
      PB.manifest.modes.map(function (mode) {
        return h("option", { value: mode.id, selected: mode.id === value, text: mode.title });
      }),
    );
  }

  function field(label, control) {
    return h("label", { class: "pb-deal-field" }, h("span", { text: label }), control);
  }

  function newDealForm() {
    var form = h(
      "form",
      { class: "pb-deal-new", "aria-label": "新建商机" },
      field(
        "客户名称",
        h("input", { name: "customer", id: "pb-new-customer", required: true, placeholder: "如：星河物流" }),
      ),
      field(
        "商机名称",
        h("input", { name: "name", id: "pb-new-name", required: true, placeholder: "如：仓储管理系统升级" }),
      ),
      field("负责人", h("input", { name: "owner", id: "pb-new-owner", placeholder: "如：李明" })),
      field("销售模式（可选）", modeSelect("", "pb-new-mode")),
      h("button", { type: "submit", class: "md-button md-button--primary", id: "pb-new-submit", text: "新建商机" }),
    );
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = function (name) {
        return form.querySelector("[name=" + name + "]").value;
      };
      PB.store.create({ customer: value("customer"), name: value("name"), owner: value("owner"), mode: value("mode") });
      form.reset();
    });
    return form;
  }

  function editForm(deal, done) {
    var form = h(
      "form",
      { class: "pb-deal-edit" },
      field("客户名称", h("input", { name: "customer", value: deal.customer })),
      field("商机名称", h("input", { name: "name", value: deal.name, required: true })),
      field("负责人", h("input", { name: "owner", value: deal.owner })),
      field("销售模式", modeSelect(deal.mode, "pb-edit-mode-" + deal.id)),
      h("button", { type: "submit", class: "md-button md-button--primary", text: "保存" }),
      h("button", { type: "button", class: "md-button", text: "取消", onclick: done }),
    );
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = function (name) {
        return form.querySelector("[name=" + name + "]").value.trim();
      };
      PB.store.update(deal.id, {
        customer: value("customer"),
        name: value("name") || deal.name,
        owner: value("owner"),
        mode: value("mode"),
      });
    });
    return form;
  }

  function dealCard(deal, current) {
    var mode = PB.manifest.modes.filter(function (m) {
      return m.id === deal.mode;
    })[0];
    var stages = PB.manifest.stages.map(function (stage) {
      var p = PB.progress(deal, PB.checklistsFor(deal, stage.checklists));
      return p.total
        ? h(
            "li",
            { class: p.done === p.total ? "pb-complete" : "" },
            h("a", { href: PB.root + stage.url, text: stage.title }),
            " " + p.done + "/" + p.total,
          )
        : null;
    });
    var all = PB.progress(
      deal,
      PB.checklistsFor(
        deal,
        PB.manifest.stages.reduce(function (ids, s) {
          return ids.concat(s.checklists);
        }, []),
      ),
    );
    var lost = orphans(deal);
    var card = h(
      "article",
      {
        class: "pb-deal" + (current ? " pb-deal-current" : "") + (deal.archived ? " pb-deal-archived" : ""),
        "data-deal": deal.id,
      },
      h(
        "h3",
        {},
        (deal.customer ? deal.customer + " · " : "") + deal.name,
        current ? h("span", { class: "pb-badge", text: "当前" }) : null,
        deal.archived ? h("span", { class: "pb-badge pb-state", text: "已归档" }) : null,
      ),
      h("p", {
        class: "pb-muted",
        text:
          "负责人：" +
          (deal.owner || "未填") +
          " · 销售模式：" +
          (mode ? mode.title : "未定") +
          " · 最后更新：" +
          PB.localDateTime(deal.updated),
      }),
      h("ul", { class: "pb-deal-stages", "aria-label": "各阶段进度" }, stages),
      h(
        "p",
        { class: "pb-deal-next" },
        all.next
          ? [
              "下一步：",
              h("a", { href: PB.root + all.next.url, text: all.next.item.text }),
              h("span", { class: "pb-muted", text: "（" + all.next.title + "）" }),
            ]
          : "全部清单项已完成。",
      ),
      lost.length
        ? h(
            "div",
            { class: "pb-deal-orphans", role: "note" },
            h("p", { text: "手册内容已更新，下面这些保存过的清单项在手册中已不存在（数据仍保留，可导出）：" }),
            h(
              "ul",
              {},
              lost.map(function (text) {
                return h("li", { text: text });
              }),
            ),
          )
        : null,
    );
    var tools = h(
      "div",
      { class: "pb-deal-tools" },
      current
        ? null
        : h("button", {
            type: "button",
            class: "md-button",
            text: "设为当前",
            onclick: function () {
              PB.store.setCurrent(deal.id);
            },
          }),
      h("button", {
        type: "button",
        class: "md-button",
        text: "改名",
        onclick: function () {
          tools.replaceWith(
            editForm(deal, function () {
              PB.refresh();
            }),
          );
        },
      }),
      h("button", {
        type: "button",
        class: "md-button",
        text: deal.archived ? "恢复" : "归档",
        onclick: function () {
          PB.store.update(deal.id, { archived: !deal.archived });
        },
      }),
      h("button", {
        type: "button",
        class: "md-button",
        text: "导出 JSON",
        onclick: function () {
          exportJson([deal.id], "商机-" + deal.name + "-" + stamp());
        },
      }),
      h("button", {
        type: "button",
        class: "md-button",
        text: "导出 Excel",
        onclick: function () {
          exportXlsx([deal], "商机-" + deal.name + "-" + stamp());
        },
      }),
      h("button", {
        type: "button",
        class: "md-button pb-danger",
        text: "删除",
        onclick: function () {
          if (window.confirm("确定删除商机“" + deal.name + "”？它的全部勾选和填写都会删除，无法恢复。建议先导出。"))
            PB.store.remove(deal.id);
        },
      }),
    );
    card.appendChild(tools);
    return card;
  }

  function importArea() {
    var input = h("input", {
      type: "file",
      accept: ".json,application/json",
      id: "pb-import-file",
      class: "pb-import-file",
    });
    var area = h(
      "div",
      { class: "pb-import" },
      h("label", { for: "pb-import-file", text: "导入商机文件（JSON）：" }),
      input,
      h("div", { class: "pb-import-result", "aria-live": "polite" }),
    );
    input.addEventListener("change", function () {
      var file = input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var parsed = PB.store.parseImport(text);
        pendingImport = parsed.error
          ? { error: parsed.error }
          : { deals: parsed.deals, mode: "merge", file: file.name };
        render();
      });
    });
    var result = area.querySelector(".pb-import-result");
    if (pendingImport && pendingImport.error) {
      result.appendChild(h("p", { class: "pb-error", role: "alert", text: pendingImport.error }));
    } else if (pendingImport) {
      var rows = PB.store.previewImport(pendingImport.deals, pendingImport.mode);
      result.append(
        h(
          "fieldset",
          { class: "pb-import-mode" },
          h("legend", { text: "导入方式" }),
          ["merge", "replace"].map(function (mode) {
            return h(
              "label",
              { class: "pb-inline" },
              h("input", {
                type: "radio",
                name: "pb-import-mode",
                value: mode,
                checked: pendingImport.mode === mode,
                onchange: function () {
                  pendingImport.mode = mode;
                  render();
                },
              }),
              mode === "merge"
                ? " 合并：加入新商机；已有的同一商机（同一来源，或客户名称和商机名称都相同）用文件里的覆盖，其余保留"
                : " 替换：删除现有商机，只保留文件里的",
            );
          }),
        ),
        h(
          "table",
          { class: "pb-import-preview" },
          h("thead", {}, h("tr", {}, h("th", { text: "商机" }), h("th", { text: "客户" }), h("th", { text: "变化" }))),
          h(
            "tbody",
            {},
            rows.map(function (row) {
              return h(
                "tr",
                { "data-change": row.change },
                h("td", { text: row.name }),
                h("td", { text: row.customer || "" }),
                h("td", { text: row.change }),
              );
            }),
          ),
        ),
        h("button", {
          type: "button",
          class: "md-button md-button--primary",
          id: "pb-import-confirm",
          text: "确认导入",
          onclick: function () {
            if (pendingImport.mode === "replace" && !window.confirm("替换会删除现有的全部商机，确定吗？")) return;
            var deals = pendingImport.deals,
              mode = pendingImport.mode;
            pendingImport = null;
            PB.store.applyImport(deals, mode);
          },
        }),
        h("button", {
          type: "button",
          class: "md-button",
          text: "取消",
          onclick: function () {
            pendingImport = null;
            render();
          },
        }),
      );
    }
    return area;
  }

  function storageTools() {
    var state = PB.store.state();
    if (!state.raw) return null;
    return h(
      "div",
      { class: "pb-storage-tools" },
      h("button", {
        type: "button",
        class: "md-button",
        text: "下载无法读取的原始数据",
        onclick: function () {
          PB.download("商机原始数据-" + stamp() + ".txt", new Blob([state.raw], { type: "text/plain" }));
        },
      }),
      h("button", {
        type: "button",
        class: "md-button pb-danger",
        text: "放弃旧数据，重新开始保存",
        onclick: function () {
          if (window.confirm("旧数据将被删除且无法恢复。确定已经下载保存了原始数据吗？")) PB.store.discardUnreadable();
        },
      }),
    );
  }

  function render() {
    var app = document.getElementById("pb-deals-app");
    if (!app) return;
    var current = PB.store.current();
    var deals = PB.store.deals();
    var visible = deals.filter(function (deal) {
      return showArchived || !deal.archived;
    });
    app.replaceChildren.apply(
      app,
      [
        storageTools(),
        h("section", {}, h("h2", { text: "新建商机" }), newDealForm()),
        h(
          "section",
          {},
          h("h2", { text: "全部商机（" + deals.length + "）" }),
          h(
            "div",
            { class: "pb-deals-toolbar" },
            h("button", {
              type: "button",
              class: "md-button",
              text: "导出全部 JSON",
              disabled: !deals.length,
              onclick: function () {
                exportJson(null, "全部商机-" + stamp());
              },
            }),
            h("button", {
              type: "button",
              class: "md-button",
              text: "导出全部 Excel",
              disabled: !deals.length,
              onclick: function () {
                exportXlsx(deals, "全部商机-" + stamp());
              },
            }),
            h(
              "label",
              { class: "pb-inline" },
              h("input", {
                type: "checkbox",
                checked: showArchived,
                onchange: function (event) {
                  showArchived = event.target.checked;
                  render();
                },
              }),
              " 显示已归档",
            ),
          ),
          importArea(),
          visible.length
            ? visible.map(function (deal) {
                return dealCard(deal, current && current.id === deal.id);
              })
            : h("p", {
                class: "pb-empty",
                text: "还没有商机。新建一个，之后在检查清单里打勾、在表单里填写，都会保存在它名下。",
              }),
        ),
      ].filter(Boolean),
    );
  }

  PB.onPage(render);
  PB.onChangeHooks.push(render);
})();
