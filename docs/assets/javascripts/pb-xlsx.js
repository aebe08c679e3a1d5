/* 销售作战手册 — a deal (or all deals) as an .xlsx workbook, one sheet per checklist and
 * form. SpreadsheetML parts are written here; fflate (vendored) zips them. */
(function () {
  "use strict";
  var PB = window.PB;
  var NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  var REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  var HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

  function esc(text) {
    return (
      String(text)
        .replace(/[&<>"]/g, function (c) {
          return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
        })
        // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters, so they are dropped
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    );
  }

  // Cell styles in styles.xml: 1 a date, 2 a date and time (both shown as 2026-12-02 …),
  // 3 text that starts like a formula (=, +, -, @): Excel keeps it text even when it is edited.
  /** @type {Object<string, number>} */
  var STYLE = { date: 1, datetime: 2, quoted: 3 };
  var FORMULA_START = /^[=+\-@\t\r]/;
  var STYLES =
    HEAD +
    "<styleSheet " +
    NS +
    '><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>' +
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

  /** Excel's day number for a local date and time (days since 1899-12-30). @param {Date} d */
  function serial(d) {
    return (
      Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()) / 86400000 +
      25569
    );
  }

  /** A stored time (ISO, UTC) as an Excel date-time cell in local time, or "" if there is none. @param {unknown} iso */
  PB.xlsxTime = function (iso) {
    var d = typeof iso === "string" ? new Date(iso) : null;
    return d && !Number.isNaN(d.getTime()) ? { serial: serial(d), format: "datetime" } : "";
  };

  /** A form date (2026-12-02) as an Excel date cell, or "" if it is not a valid date. @param {unknown} text */
  PB.xlsxDate = function (text) {
    var date = PB.parseDate(text);
    if (!date) return "";
    var parts = date.split("-").map(Number);
    return { serial: serial(new Date(parts[0], parts[1] - 1, parts[2])), format: "date" };
  };

  /**
   * A form value as a cell: a real number or date, or text; an invalid number or date is
   * left out ("") until it is fixed.
   * @param {string} type @param {unknown} value
   */
  function typedCell(type, value) {
    var usable = PB.usableValue(type, value);
    if (type === "number" || type === "money") return usable === "" ? "" : Number(usable);
    if (type === "date") return PB.xlsxDate(usable);
    return cell(usable);
  }

  function column(index) {
    var name = "";
    for (index += 1; index > 0; index = Math.floor((index - 1) / 26))
      name = String.fromCharCode(65 + ((index - 1) % 26)) + name;
    return name;
  }

  function sheetXml(rows) {
    var body = rows
      .map(function (row, r) {
        return (
          '<row r="' +
          (r + 1) +
          '">' +
          row
            .map(function (value, c) {
              var ref = column(c) + (r + 1);
              if (typeof value === "number" && Number.isFinite(value))
                return '<c r="' + ref + '"><v>' + value + "</v></c>";
              if (value && typeof value === "object" && typeof value.serial === "number") {
                return '<c r="' + ref + '" s="' + STYLE[value.format] + '"><v>' + value.serial + "</v></c>";
              }
              if (value === null || value === undefined || value === "") return "";
              // Text from content or the user is always an inline string, never a formula.
              var quoted = FORMULA_START.test(String(value)) ? ' s="' + STYLE.quoted + '"' : "";
              return (
                '<c r="' +
                ref +
                '"' +
                quoted +
                ' t="inlineStr"><is><t xml:space="preserve">' +
                esc(value) +
                "</t></is></c>"
              );
            })
            .join("") +
          "</row>"
        );
      })
      .join("");
    return HEAD + "<worksheet " + NS + "><sheetData>" + body + "</sheetData></worksheet>";
  }

  function sheetName(name, used) {
    var base =
      String(name)
        .replace(/[[\]:*?/\\]/g, " ")
        .slice(0, 28) || "Sheet";
    var candidate = base,
      n = 2;
    while (used[candidate]) candidate = base.slice(0, 26) + "-" + n++;
    used[candidate] = true;
    return candidate;
  }

  // sheets: [{name, rows: [[cell, …], …]}] → Uint8Array of an .xlsx file
  PB.workbook = function (sheets) {
    var enc = function (text) {
      return window.fflate.strToU8(text);
    };
    var used = {};
    var files = {};
    var types = sheets
      .map(function (_, i) {
        return (
          '<Override PartName="/xl/worksheets/sheet' +
          (i + 1) +
          '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        );
      })
      .join("");
    files["[Content_Types].xml"] = enc(
      HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        types +
        "</Types>",
    );
    files["_rels/.rels"] = enc(
      HEAD +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="' +
        REL +
        '/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    files["xl/workbook.xml"] = enc(
      HEAD +
        "<workbook " +
        NS +
        ' xmlns:r="' +
        REL +
        '"><sheets>' +
        sheets
          .map(function (sheet, i) {
            return (
              '<sheet name="' +
              esc(sheetName(sheet.name, used)) +
              '" sheetId="' +
              (i + 1) +
              '" r:id="rId' +
              (i + 1) +
              '"/>'
            );
          })
          .join("") +
        "</sheets></workbook>",
    );
    files["xl/_rels/workbook.xml.rels"] = enc(
      HEAD +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map(function (_, i) {
            return (
              '<Relationship Id="rId' +
              (i + 1) +
              '" Type="' +
              REL +
              '/worksheet" Target="worksheets/sheet' +
              (i + 1) +
              '.xml"/>'
            );
          })
          .join("") +
        '<Relationship Id="rIdStyles" Type="' +
        REL +
        '/styles" Target="styles.xml"/></Relationships>',
    );
    files["xl/styles.xml"] = enc(STYLES);
    sheets.forEach(function (sheet, i) {
      files["xl/worksheets/sheet" + (i + 1) + ".xml"] = enc(sheetXml(sheet.rows));
    });
    return window.fflate.zipSync(files);
  };

  function cell(value) {
    if (Array.isArray(value)) return value.join("、");
    if (value === true) return "是";
    if (value === false) return "否";
    return value;
  }

  // The sheets of one deal: its details, then every checklist and form it has data for.
  /** @param {any} deal @param {string} prefix */
  PB.dealSheets = function (deal, prefix) {
    var mode = PB.manifest.modes.filter(function (/** @type {any} */ x) {
      return x.id === deal.mode;
    })[0];
    var sheets = [
      {
        name: prefix + "商机信息",
        rows: [
          ["项目", "内容"],
          ["客户名称", deal.customer],
          ["商机名称", deal.name],
          ["负责人", deal.owner],
          ["销售模式", mode ? mode.title : ""],
          ["创建时间", PB.xlsxTime(deal.created)],
          ["最后更新", PB.xlsxTime(deal.updated)],
          ["已归档", deal.archived ? "是" : "否"],
        ],
      },
    ];
    Object.keys(deal.checks).forEach(function (id) {
      var info = PB.checklistInfo(id);
      var stored = deal.checks[id];
      var rows = [["清单项", "完成", "备注", "勾选时间"]];
      var known = PB.map();
      (info ? info.items : []).forEach(function (/** @type {any} */ item) {
        known[item.id] = true;
        var entry = stored[item.id] || {};
        rows.push([item.text, entry.done ? "是" : "否", entry.note || "", PB.xlsxTime(entry.at)]);
      });
      Object.keys(stored).forEach(function (itemId) {
        if (!known[itemId])
          rows.push([
            "（内容中已删除）" + itemId,
            stored[itemId].done ? "是" : "否",
            stored[itemId].note || "",
            PB.xlsxTime(stored[itemId].at),
          ]);
      });
      sheets.push({ name: prefix + (info ? info.title : id), rows: rows });
    });
    Object.keys(deal.forms).forEach(function (id) {
      var info = PB.templateInfo(id);
      var values = deal.forms[id];
      var rows = [["字段", "内容"]];
      (info
        ? info.fields
        : Object.keys(values).map(function (k) {
            return { id: k, label: k, type: "text", columns: [] };
          })
      ).forEach(function (/** @type {any} */ field) {
        var value = values[field.id];
        if (field.type === "table") {
          rows.push([field.label]);
          rows.push(
            field.columns.map(function (/** @type {any} */ c) {
              return c.label;
            }),
          );
          (Array.isArray(value) ? value : []).forEach(function (row) {
            rows.push(
              field.columns.map(function (/** @type {any} */ c) {
                return typedCell(c.type, row && row[c.id]);
              }),
            );
          });
        } else {
          rows.push([field.label, typedCell(field.type, value)]);
        }
      });
      sheets.push({ name: prefix + (info ? info.title : id), rows: rows });
    });
    return sheets;
  };
})();
