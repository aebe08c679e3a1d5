/* 销售作战手册 — the one check of the deal store's shape, used when reading localStorage and
 * when importing a file. It says what is wrong in words, and returns the data rebuilt from
 * maps without a prototype, so that ids such as "__proto__" or "constructor" stay data.
 *
 * Version 1:
 *   { version: 1, current: dealId|null, removed?: { dealId: isoTime },
 *     deals: { id: { id, name, customer, owner, mode, created, updated, archived,
 *                    checks: { checklistId: { itemId: { done, note, at? } } },
 *                    forms:  { templateId: { fieldId: text | true/false | [text] | [{column: text}] } } } } }
 */
(function () {
  "use strict";
  var PB = (window.PB = window.PB || {});
  var MAX_ERRORS = 5;

  /** A map with no prototype: every key is data. @returns {Object<string, any>} */
  PB.map = function () {
    return Object.create(null);
  };

  /** @param {unknown} value @returns {value is Object<string, any>} */
  function isObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  /** How a wrong value looks in a message. @param {unknown} value */
  function shown(value) {
    if (value === undefined) return "缺少";
    var text = JSON.stringify(value);
    if (text === undefined) text = String(value);
    return "现在是 " + (text.length > 40 ? text.slice(0, 40) + "…" : text);
  }

  /** @param {unknown} value */
  function isTime(value) {
    return typeof value === "string" && value.length <= 40 && !Number.isNaN(Date.parse(value));
  }

  /**
   * @typedef {{errors: string[]}} Report
   */

  /** @param {Report} report @param {string} where @param {string} what @param {unknown} value */
  function fail(report, where, what, value) {
    if (report.errors.length < MAX_ERRORS) report.errors.push(where + " 应" + what + "（" + shown(value) + "）");
    return false;
  }

  /** Copy an object's own keys into a prototype-less map, each value passed through fn. */
  function mapOf(/** @type {Object<string, any>} */ source, /** @type {(value: any, key: string) => any} */ fn) {
    var out = PB.map();
    Object.keys(source).forEach(function (key) {
      out[key] = fn(source[key], key);
    });
    return out;
  }

  /** @param {unknown} value */
  function isFormValue(value) {
    if (typeof value === "string" || typeof value === "boolean") return true;
    if (!Array.isArray(value)) return false;
    return value.every(function (v) {
      return (
        typeof v === "string" ||
        (isObject(v) &&
          Object.keys(v).every(function (k) {
            return typeof v[k] === "string" || typeof v[k] === "boolean";
          }))
      );
    });
  }

  /** @param {unknown} value */
  function formValue(value) {
    if (!Array.isArray(value)) return value;
    return value.map(function (v) {
      return isObject(v)
        ? mapOf(v, function (x) {
            return x;
          })
        : v;
    });
  }

  /**
   * One deal: checked field by field; missing optional fields get their defaults.
   * @param {Report} report @param {string} key @param {unknown} deal
   */
  function checkDeal(report, key, deal) {
    var where = "商机 " + JSON.stringify(key);
    if (!isObject(deal)) return fail(report, where, "是一个对象", deal);
    var ok = true;
    if (deal.id !== key) ok = fail(report, where + " 的 id", "与它的键相同", deal.id);
    if (typeof deal.name !== "string" || !deal.name.trim())
      ok = fail(report, where + " 的 name（商机名称）", "是不为空的文字", deal.name);
    ["customer", "owner", "mode"].forEach(function (field) {
      if (deal[field] !== undefined && typeof deal[field] !== "string")
        ok = fail(report, where + " 的 " + field, "是文字", deal[field]);
    });
    ["created", "updated"].forEach(function (field) {
      if (deal[field] !== undefined && !isTime(deal[field]))
        ok = fail(report, where + " 的 " + field, "是日期时间（如 2026-12-02T06:30:00Z）", deal[field]);
    });
    if (deal.archived !== undefined && typeof deal.archived !== "boolean")
      ok = fail(report, where + " 的 archived", "是 true 或 false", deal.archived);
    if (deal.checks !== undefined) {
      if (!isObject(deal.checks)) ok = fail(report, where + " 的 checks（清单勾选）", "是一个对象", deal.checks);
      else
        Object.keys(deal.checks).forEach(function (list) {
          var items = deal.checks[list];
          var at = where + " 的 checks." + list;
          if (!isObject(items)) {
            ok = fail(report, at, "是一个对象", items);
            return;
          }
          Object.keys(items).forEach(function (item) {
            var entry = items[item];
            if (!isObject(entry)) {
              ok = fail(report, at + "." + item, "是一个对象", entry);
              return;
            }
            if (typeof entry.done !== "boolean")
              ok = fail(report, at + "." + item + ".done", "是 true 或 false", entry.done);
            if (entry.note !== undefined && typeof entry.note !== "string")
              ok = fail(report, at + "." + item + ".note", "是文字", entry.note);
            if (entry.at !== undefined && !isTime(entry.at))
              ok = fail(report, at + "." + item + ".at", "是日期时间", entry.at);
          });
        });
    }
    if (deal.forms !== undefined) {
      if (!isObject(deal.forms)) ok = fail(report, where + " 的 forms（表单填写）", "是一个对象", deal.forms);
      else
        Object.keys(deal.forms).forEach(function (form) {
          var fields = deal.forms[form];
          var at = where + " 的 forms." + form;
          if (!isObject(fields)) {
            ok = fail(report, at, "是一个对象", fields);
            return;
          }
          Object.keys(fields).forEach(function (field) {
            if (!isFormValue(fields[field]))
              ok = fail(report, at + "." + field, "是文字、是否、选项列表或表格行", fields[field]);
          });
        });
    }
    return ok;
  }

  /** The deal rebuilt from prototype-less maps, with defaults for what is missing. */
  function buildDeal(/** @type {Object<string, any>} */ deal, /** @type {string} */ now) {
    var created = deal.created || now;
    return {
      id: deal.id,
      name: deal.name,
      customer: deal.customer || "",
      owner: deal.owner || "",
      mode: deal.mode || "",
      created: created,
      updated: deal.updated || created,
      archived: !!deal.archived,
      checks: mapOf(deal.checks || {}, function (items) {
        return mapOf(items, function (e) {
          var entry = { done: e.done, note: e.note || "" };
          if (e.at !== undefined) /** @type {any} */ (entry).at = e.at;
          return entry;
        });
      }),
      forms: mapOf(deal.forms || {}, function (fields) {
        return mapOf(fields, formValue);
      }),
    };
  }

  /**
   * Check a store (or an import's deals) of the current version.
   * @param {unknown} data
   * @param {{now?: string, needCurrent?: boolean}} [options]
   * @returns {{data: any, errors: string[]}} data is null when there are errors
   */
  PB.checkStore = function (data, options) {
    var now = (options && options.now) || new Date().toISOString();
    /** @type {Report} */
    var report = { errors: [] };
    if (!isObject(data)) {
      fail(report, "数据", "是一个对象", data);
      return { data: null, errors: report.errors };
    }
    if (!isObject(data.deals)) fail(report, "deals（商机列表）", "是一个对象", data.deals);
    else
      Object.keys(data.deals).forEach(function (key) {
        checkDeal(report, key, data.deals[key]);
      });
    if (data.current !== undefined && data.current !== null && typeof data.current !== "string")
      fail(report, "current", "是商机 id 或 null", data.current);
    if (data.removed !== undefined) {
      if (!isObject(data.removed)) fail(report, "removed", "是一个对象", data.removed);
      else
        Object.keys(data.removed).forEach(function (key) {
          if (!isTime(data.removed[key])) fail(report, "removed." + key, "是日期时间", data.removed[key]);
        });
    }
    if (report.errors.length) return { data: null, errors: report.errors };
    var deals = mapOf(data.deals, function (deal) {
      return buildDeal(deal, now);
    });
    var current = typeof data.current === "string" && deals[data.current] ? data.current : null;
    return {
      data: {
        version: 1,
        current: current,
        deals: deals,
        removed: mapOf(data.removed || {}, function (t) {
          return t;
        }),
      },
      errors: [],
    };
  };

  /**
   * The version number of stored or imported data, or an error saying what is wrong with it.
   * @param {unknown} data
   * @returns {{version: number, error: string}}
   */
  PB.versionOf = function (data) {
    if (!isObject(data)) return { version: -1, error: "数据应是一个对象（" + shown(data) + "）" };
    if (typeof data.version !== "number" || !Number.isInteger(data.version) || data.version < 0) {
      return { version: -1, error: "version（版本号）应是不小于 0 的整数（" + shown(data.version) + "）" };
    }
    return { version: data.version, error: "" };
  };

  /** Canonical JSON: keys sorted at every level, so equal data gives equal text. @param {unknown} value */
  PB.canonical = function canonical(value) {
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    if (isObject(value)) {
      return (
        "{" +
        Object.keys(value)
          .sort()
          .map(function (k) {
            return JSON.stringify(k) + ":" + canonical(value[k]);
          })
          .join(",") +
        "}"
      );
    }
    return JSON.stringify(value === undefined ? null : value);
  };
})();
