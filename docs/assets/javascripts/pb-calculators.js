/* 销售作战手册 — calculators that read their numbers from the YAML (rendered into the
 * page at build time): 客户分级 (amount → tier) and 商机评估 (answers → score → mode).
 *
 * A calculator keeps nothing of its own: its result goes into the fields of the form on the
 * same page that the YAML marks `filled_by` (saved in the current deal, in its export and
 * its Excel), and on reload it reads its inputs back from those fields. */
(function () {
  "use strict";
  var PB = /** @type {any} */ (window).PB;
  var h = PB.h;

  /**
   * Tier bounds: min inclusive, max exclusive, in 万元 per year.
   * @param {any[]} tiers @param {number} amount
   */
  PB.tierFor = function (tiers, amount) {
    return (
      tiers.filter(function (tier) {
        return (
          (tier.min_amount === null || amount >= tier.min_amount) &&
          (tier.max_amount === null || amount < tier.max_amount)
        );
      })[0] || null
    );
  };

  /** A criterion's points for the option chosen: weight × score ÷ best score. @param {any} criterion @param {number} chosen */
  function points(criterion, chosen) {
    var best = Math.max.apply(
      null,
      criterion.options.map(function (/** @type {any} */ o) {
        return o.score;
      }),
    );
    return best > 0 ? (criterion.weight * criterion.options[chosen].score) / best : 0;
  }

  /**
   * Score = Σ weight × chosen score ÷ best score of that criterion, rounded; 0–100.
   * @param {any} scoring @param {Object<string, number>} answers criterion id → option index
   */
  PB.scoreFor = function (scoring, answers) {
    var total = 0;
    scoring.criteria.forEach(function (/** @type {any} */ criterion) {
      var chosen = answers[criterion.id];
      if (chosen !== undefined) total += points(criterion, chosen);
    });
    return Math.round(total);
  };

  /** @param {any} scoring @param {number} score */
  PB.bandFor = function (scoring, score) {
    return (
      scoring.bands.filter(function (/** @type {any} */ band) {
        return score >= band.min && score <= band.max;
      })[0] || null
    );
  };

  /**
   * The band to follow: the score's band, raised to the highest `at_least` of the options
   * chosen (a 100 万 deal is never done as a small one, whatever its other answers).
   * @param {any} scoring @param {Object<string, number>} answers
   * @returns {{band: any, raisedBy: string[]}} raisedBy: the labels of the options that raised it
   */
  PB.modeFor = function (scoring, answers) {
    var ordered = scoring.bands.slice().sort(function (/** @type {any} */ a, /** @type {any} */ b) {
      return a.min - b.min;
    });
    var band = PB.bandFor(scoring, PB.scoreFor(scoring, answers));
    /** @type {string[]} */
    var raisedBy = [];
    scoring.criteria.forEach(function (/** @type {any} */ criterion) {
      var option = answers[criterion.id] === undefined ? null : criterion.options[answers[criterion.id]];
      if (!option || !option.at_least) return;
      var floor = ordered.filter(function (/** @type {any} */ b) {
        return b.mode === option.at_least;
      })[0];
      if (!floor || ordered.indexOf(floor) < ordered.indexOf(band)) return;
      if (floor !== band) raisedBy = [];
      band = floor;
      raisedBy.push(criterion.label + "选了“" + option.label + "”");
    });
    return { band: band, raisedBy: raisedBy };
  };

  /** @param {Element} node */
  function data(node) {
    return JSON.parse(
      /** @type {Element} */ (node.querySelector("script[type='application/json']")).textContent || "null",
    );
  }

  /** The form on this page whose fields a calculator fills. @returns {HTMLFormElement|null} */
  function formOnPage() {
    return document.querySelector("form.pb-form[data-template]");
  }

  /** The id of the field marked `filled_by: what`, or null. @param {HTMLFormElement|null} form @param {string} what */
  function fieldFor(form, what) {
    var node = form && form.querySelector('.pb-field[data-filled-by="' + what + '"]');
    return node ? /** @type {HTMLElement} */ (node).dataset.field || null : null;
  }

  /** The column id marked `filled_by: what` in a table field. @param {HTMLFormElement} form @param {string} table @param {string} what */
  function columnFor(form, table, what) {
    var node = form.querySelector('.pb-field[data-field="' + table + '"] td[data-filled-by="' + what + '"]');
    return node ? /** @type {HTMLElement} */ (node).dataset.column || null : null;
  }

  /**
   * Save a calculator's result into the current deal's form (creating a deal if needed).
   * @param {HTMLFormElement|null} form @param {Object<string, any>} values field id → value
   * @param {Element} out where to say that nothing could be saved
   */
  function fill(form, values, out) {
    if (!form || !Object.keys(values).length) return;
    if (!PB.ensureDeal()) {
      out.appendChild(h("p", { class: "pb-error", text: "结果没能保存到商机里（浏览器存储已满或不可用）。" }));
      return;
    }
    PB.store.setFields(form.dataset.template, values);
  }

  /** @param {Element} node */
  function tierCalculator(node) {
    var tiers = data(node);
    var input = /** @type {HTMLInputElement} */ (node.querySelector("input"));
    var out = /** @type {HTMLOutputElement} */ (node.querySelector("output"));
    var form = formOnPage();
    var amountField = fieldFor(form, "amount"),
      tierField = fieldFor(form, "tier");
    function show() {
      var text = input.value.trim();
      if (!text) {
        out.replaceChildren("输入年采购额后显示分级。");
        return null;
      }
      var amount = PB.parseNumber(text.replace(/万元?$/, "")); // the unit is 万元; reps often type it
      if (amount === null || amount < 0) {
        out.replaceChildren(h("span", { class: "pb-error", text: "请输入不小于 0 的数字（单位：万元）" }));
        return null;
      }
      var tier = PB.tierFor(tiers, amount);
      out.replaceChildren(
        h("strong", { class: "pb-calc-result", "data-tier": tier.id, text: tier.name }),
        h("span", { text: "：回访" + tier.review + "，" + tier.response_hours + " 小时内响应。" }),
        h(
          "ul",
          {},
          tier.strategy.map(function (/** @type {string} */ s) {
            return h("li", { text: s });
          }),
        ),
      );
      return { amount: amount, tier: tier };
    }
    input.addEventListener("input", function () {
      var result = show();
      if (!result) return;
      /** @type {Object<string, any>} */
      var values = PB.map();
      if (amountField) values[amountField] = String(result.amount);
      if (tierField) values[tierField] = result.tier.name;
      fill(form, values, out);
    });
    function restore() {
      if (!node.isConnected || document.activeElement === input || !form || !amountField) return;
      var stored = PB.store.formValues(form.dataset.template)[amountField];
      input.value = typeof stored === "string" ? stored : "";
      show();
    }
    restore();
    PB.onChangeHooks.push(restore);
  }

  /** @param {Element} node */
  function scoreCalculator(node) {
    var scoring = data(node);
    var out = /** @type {HTMLOutputElement} */ (node.querySelector("output"));
    var selects = /** @type {HTMLSelectElement[]} */ (
      Array.prototype.slice.call(node.querySelectorAll("select[data-criterion]"))
    );
    var form = formOnPage();
    var fields = { total: fieldFor(form, "total"), mode: fieldFor(form, "mode"), scores: fieldFor(form, "scores") };
    var columns =
      form && fields.scores
        ? {
            criterion: columnFor(form, fields.scores, "criterion"),
            level: columnFor(form, fields.scores, "level"),
            points: columnFor(form, fields.scores, "points"),
          }
        : null;
    /** @type {Object<string, number>} */
    var answers = PB.map();

    function show() {
      var missing = scoring.criteria.filter(function (/** @type {any} */ c) {
        return answers[c.id] === undefined;
      }).length;
      if (missing) {
        out.replaceChildren("还有 " + missing + " 项未选。");
        return null;
      }
      var score = PB.scoreFor(scoring, answers);
      var chosen = PB.modeFor(scoring, answers);
      var band = chosen.band;
      out.replaceChildren(
        h(
          "p",
          {},
          "总分 ",
          h("strong", { class: "pb-calc-total", text: String(score) }),
          "，建议采用 ",
          h("a", { class: "pb-calc-mode", href: PB.root + band.url, text: band.mode_title }),
          "。",
        ),
        chosen.raisedBy.length
          ? h("p", {
              class: "pb-calc-raised",
              text:
                "总分落在更小的模式，但" +
                chosen.raisedBy.join("、") +
                "：不管总分多少，至少按" +
                band.mode_title +
                "推进，防止大单做小。",
            })
          : null,
        h("p", { text: band.advice }),
        band.visits.length ? h("p", { text: "标准拜访程序：" + band.visits.join(" → ") }) : null,
      );
      return { score: score, band: band };
    }

    /** The scores table: one row per criterion answered, keeping what the rep wrote in other columns. */
    function rows() {
      if (!form || !fields.scores || !columns) return null;
      var old = PB.store.formValues(form.dataset.template)[fields.scores];
      var previous = Array.isArray(old) ? old : [];
      var cols = /** @type {{criterion: string, level: string, points: string}} */ (columns);
      return scoring.criteria
        .filter(function (/** @type {any} */ c) {
          return answers[c.id] !== undefined;
        })
        .map(function (/** @type {any} */ c) {
          var kept = previous.filter(function (/** @type {any} */ row) {
            return row && row[cols.criterion] === c.label;
          })[0];
          var row = PB.map();
          if (kept)
            Object.keys(kept).forEach(function (k) {
              row[k] = kept[k];
            });
          row[cols.criterion] = c.label;
          row[cols.level] = c.options[answers[c.id]].label;
          row[cols.points] = String(Math.round(points(c, answers[c.id]) * 10) / 10);
          return row;
        });
    }

    function save() {
      var result = show();
      /** @type {Object<string, any>} */
      var values = PB.map();
      var table = rows();
      if (table && fields.scores) values[fields.scores] = table;
      if (fields.total) values[fields.total] = result ? String(result.score) : "";
      if (fields.mode) values[fields.mode] = result ? result.band.mode_title : "";
      fill(form, values, out);
    }

    // Inputs come back from the form's scores table: each criterion's row names the option.
    function restore() {
      if (
        !node.isConnected ||
        !form ||
        !fields.scores ||
        !columns ||
        selects.indexOf(/** @type {any} */ (document.activeElement)) >= 0
      )
        return;
      var cols = /** @type {{criterion: string, level: string}} */ (columns);
      var stored = PB.store.formValues(form.dataset.template)[fields.scores];
      var table = Array.isArray(stored) ? stored : [];
      answers = PB.map();
      scoring.criteria.forEach(function (/** @type {any} */ c) {
        var row = table.filter(function (/** @type {any} */ r) {
          return r && r[cols.criterion] === c.label;
        })[0];
        var index = row
          ? c.options
              .map(function (/** @type {any} */ o) {
                return o.label;
              })
              .indexOf(row[cols.level])
          : -1;
        if (index >= 0) answers[c.id] = index;
      });
      selects.forEach(function (select) {
        var chosen = answers[select.dataset.criterion || ""];
        select.value = chosen === undefined ? "" : String(chosen);
      });
      show();
    }

    selects.forEach(function (select) {
      select.addEventListener("change", function () {
        if (select.value === "") delete answers[select.dataset.criterion || ""];
        else answers[select.dataset.criterion || ""] = Number(select.value);
        save();
      });
    });
    restore();
    PB.onChangeHooks.push(restore);
  }

  PB.onPage(function () {
    document.querySelectorAll(".pb-calc-tier:not([data-bound])").forEach(function (node) {
      /** @type {HTMLElement} */ (node).dataset.bound = "1";
      tierCalculator(node);
    });
    document.querySelectorAll(".pb-calc-score:not([data-bound])").forEach(function (node) {
      /** @type {HTMLElement} */ (node).dataset.bound = "1";
      scoreCalculator(node);
    });
  });
})();
