/* 销售作战手册 — values as a rep types them and as a rep reads them: numbers and amounts
 * (full-width digits and separators from a Chinese IME are accepted and converted), dates
 * (always 2026-12-02, impossible dates refused) and local times for cards, print headers,
 * file names and Excel. One place, used by forms, letters, calculators and exports. */
(function () {
  "use strict";
  var PB = (window.PB = window.PB || {});

  /** Full-width ASCII (０-９, ．, ，, －, ／ …) and the ideographic space, as half-width. */
  function halfWidth(/** @type {string} */ text) {
    return String(text)
      .replace(/[\uff01-\uff5e]/g, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      })
      .replace(/\u3000/g, " ")
      .replace(/[\u2212\u2013\u2014]/g, "-")
      .replace(/。/g, ".");
  }
  PB.halfWidth = halfWidth;

  var PLAIN = /^[+-]?\d+(\.\d+)?$/;
  var GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

  /**
   * A number as typed: "12000", "１２，０００", "12,000.5", "3.5". Thousands separators must
   * group by three. Returns null for anything else ("abc", "12万", "1,2").
   * @param {unknown} text
   * @returns {number|null}
   */
  PB.parseNumber = function (text) {
    if (typeof text === "number") return Number.isFinite(text) ? text : null;
    var clean = halfWidth(String(text === null || text === undefined ? "" : text)).replace(/[\s\u00a0]/g, "");
    if (!PLAIN.test(clean) && !GROUPED.test(clean)) return null;
    return Number(clean.replace(/,/g, ""));
  };

  /** @param {number} n */
  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /**
   * A date as typed: 2026-12-02, 2026/12/2, 2026.12.2, 2026年12月2日, 20261202, full-width
   * digits too. Returns "2026-12-02", or null when it is not a real calendar date.
   * @param {unknown} text
   * @returns {string|null}
   */
  PB.parseDate = function (text) {
    var parts = dateParts(text);
    if (!parts) return null;
    var y = parts[0],
      mo = parts[1],
      d = parts[2];
    if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return null;
    var days = new Date(Date.UTC(y, mo, 0)).getUTCDate(); // day 0 of the next month: the last day of this one
    return d > days ? null : y + "-" + pad(mo) + "-" + pad(d);
  };

  /** Year, month and day as written, whether or not such a day exists. @param {unknown} text @returns {number[]|null} */
  function dateParts(text) {
    var clean = halfWidth(String(text === null || text === undefined ? "" : text)).trim();
    var m =
      /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(clean) ||
      /^(\d{4})(\d{2})(\d{2})$/.exec(clean);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  }

  /**
   * Check one value of a form field or table column.
   * value: the converted value to store and show ("12000", "2026-12-02"), or null when the
   * text is not valid; error: what is wrong, in words a rep understands ("" when fine).
   * @param {string} type field type: number, money, date, text …
   * @param {unknown} raw
   * @returns {{value: unknown, error: string}}
   */
  PB.checkValue = function (type, raw) {
    if (typeof raw !== "string" || (type !== "number" && type !== "money" && type !== "date"))
      return { value: raw, error: "" };
    var text = raw.trim();
    if (!text) return { value: "", error: "" };
    if (type === "date") {
      var date = PB.parseDate(text);
      if (date) return { value: date, error: "" };
      return {
        value: null,
        error: dateParts(text)
          ? "没有这一天：请检查月份（1–12）和这个月的天数"
          : "请按 年-月-日 填写日期，例如 2026-12-02",
      };
    }
    var number = PB.parseNumber(text);
    if (number === null) {
      return {
        value: null,
        error: type === "money" ? "请输入金额数字，例如 12000 或 3.5（不要写单位）" : "请输入数字，例如 120 或 35.5",
      };
    }
    if (number < 0) return { value: null, error: "请输入不小于 0 的数字" };
    return { value: String(number), error: "" };
  };

  /**
   * A stored value fit for a letter or an export: the value itself, or "" while it is invalid.
   * @param {string} type
   * @param {unknown} raw
   */
  PB.usableValue = function (type, raw) {
    var checked = PB.checkValue(type, raw);
    return checked.error ? "" : checked.value;
  };

  /** @param {Date|string|number} [when] @returns {Date} */
  function asDate(when) {
    return when instanceof Date ? when : when === undefined ? new Date() : new Date(when);
  }

  /** Local calendar date, 2026-12-02. @param {Date|string|number} [when] */
  PB.localDate = function (when) {
    var d = asDate(when);
    return Number.isNaN(d.getTime()) ? "" : d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  };

  /** Local date and time, 2026-12-02 06:30. @param {Date|string|number} [when] */
  PB.localDateTime = function (when) {
    var d = asDate(when);
    return Number.isNaN(d.getTime()) ? "" : PB.localDate(d) + " " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  };

  /** Local time for file names, 20261202-0630. @param {Date|string|number} [when] */
  PB.fileStamp = function (when) {
    return PB.localDateTime(when).replace(/-/g, "").replace(" ", "-").replace(":", "");
  };

  PB.today = function () {
    return PB.localDate();
  };
})();
