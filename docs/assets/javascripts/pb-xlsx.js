/* 销售作战手册 — a deal (or all deals) as an .xlsx workbook, one sheet per checklist and
 * form. SpreadsheetML parts are written here; fflate (vendored) zips them. */
(function () {
  "use strict";
  var PB = window.PB;
  var NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  var REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  var HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

  function esc(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; })
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
  }

  function column(index) {
    var name = "";
    for (index += 1; index > 0; index = Math.floor((index - 1) / 26)) name = String.fromCharCode(65 + (index - 1) % 26) + name;
    return name;
  }

  function sheetXml(rows) {
    var body = rows.map(function (row, r) {
      return '<row r="' + (r + 1) + '">' + row.map(function (value, c) {
        var ref = column(c) + (r + 1);
        if (typeof value === "number" && isFinite(value)) return '<c r="' + ref + '"><v>' + value + "</v></c>";
        if (value === null || value === undefined || value === "") return "";
        return '<c r="' + ref + '" t="inlineStr"><is><t xml:space="preserve">' + esc(value) + "</t></is></c>";
      }).join("") + "</row>";
    }).join("");
    return HEAD + "<worksheet " + NS + "><sheetData>" + body + "</sheetData></worksheet>";
  }

  function sheetName(name, used) {
    var base = String(name).replace(/[\[\]:*?\/\\]/g, " ").slice(0, 28) || "Sheet";
    var candidate = base, n = 2;
    while (used[candidate]) candidate = base.slice(0, 26) + "-" + n++;
    used[candidate] = true;
    return candidate;
  }

  // sheets: [{name, rows: [[cell, …], …]}] → Uint8Array of an .xlsx file
  PB.workbook = function (sheets) {
    var enc = function (text) { return window.fflate.strToU8(text); };
    var used = {};
    var files = {};
    var types = sheets.map(function (_, i) {
      return '<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>';
    }).join("");
    files["[Content_Types].xml"] = enc(HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      types + "</Types>");
    files["_rels/.rels"] = enc(HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="' + REL + '/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    files["xl/workbook.xml"] = enc(HEAD + "<workbook " + NS + ' xmlns:r="' + REL + '"><sheets>' + sheets.map(function (sheet, i) {
      return '<sheet name="' + esc(sheetName(sheet.name, used)) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>';
    }).join("") + "</sheets></workbook>");
    files["xl/_rels/workbook.xml.rels"] = enc(HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets.map(function (_, i) {
        return '<Relationship Id="rId' + (i + 1) + '" Type="' + REL + '/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>';
      }).join("") + "</Relationships>");
    sheets.forEach(function (sheet, i) { files["xl/worksheets/sheet" + (i + 1) + ".xml"] = enc(sheetXml(sheet.rows)); });
    return window.fflate.zipSync(files);
  };

  function cell(value) {
    if (Array.isArray(value)) return value.join("、");
    if (value === true) return "是";
    if (value === false) return "否";
    return value;
  }

  // The sheets of one deal: its details, then every checklist and form it has data for.
  PB.dealSheets = function (deal, prefix) {
    var m = PB.manifest;
    var mode = m.modes.filter(function (x) { return x.id === deal.mode; })[0];
    var sheets = [{ name: prefix + "商机信息", rows: [["项目", "内容"], ["客户名称", deal.customer], ["商机名称", deal.name],
      ["负责人", deal.owner], ["销售模式", mode ? mode.title : ""], ["创建时间", deal.created], ["最后更新", deal.updated],
      ["已归档", deal.archived ? "是" : "否"]] }];
    Object.keys(deal.checks).forEach(function (id) {
      var info = m.checklists[id];
      var stored = deal.checks[id];
      var rows = [["清单项", "完成", "备注", "勾选时间"]];
      var known = {};
      (info ? info.items : []).forEach(function (item) {
        known[item.id] = true;
        var entry = stored[item.id] || {};
        rows.push([item.text, entry.done ? "是" : "否", entry.note || "", entry.at || ""]);
      });
      Object.keys(stored).forEach(function (itemId) {
        if (!known[itemId]) rows.push(["（内容中已删除）" + itemId, stored[itemId].done ? "是" : "否", stored[itemId].note || "", stored[itemId].at || ""]);
      });
      sheets.push({ name: prefix + (info ? info.title : id), rows: rows });
    });
    Object.keys(deal.forms).forEach(function (id) {
      var info = m.templates[id];
      var values = deal.forms[id];
      var rows = [["字段", "内容"]];
      (info ? info.fields : Object.keys(values).map(function (k) { return { id: k, label: k, type: "text" }; })).forEach(function (field) {
        var value = values[field.id];
        if (field.type === "table") {
          rows.push([field.label]);
          (Array.isArray(value) ? value : []).forEach(function (row) {
            rows.push(field.columns.map(function (c) { return row[c]; }));
          });
        } else {
          var number = (field.type === "number" || field.type === "money") ? PB.parseNumber(value || "") : null;
          rows.push([field.label, number !== null ? number : cell(value)]);
        }
      });
      sheets.push({ name: prefix + (info ? info.title : id), rows: rows });
    });
    return sheets;
  };
})();
