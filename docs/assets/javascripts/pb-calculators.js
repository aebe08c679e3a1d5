/* 销售作战手册 — calculators that read their numbers from the YAML (rendered into the
 * page at build time): 客户分级 (amount → tier) and 商机评估 (answers → score → mode). */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;

  // Tier bounds: min inclusive, max exclusive, in 万元 per year.
  PB.tierFor = function (tiers, amount) {
    return tiers.filter(function (tier) {
      return (tier.min_amount === null || amount >= tier.min_amount) && (tier.max_amount === null || amount < tier.max_amount);
    })[0] || null;
  };

  // Score = Σ weight × chosen score ÷ best score of that criterion, rounded; 0–100.
  PB.scoreFor = function (scoring, answers) {
    var total = 0;
    scoring.criteria.forEach(function (criterion) {
      var best = Math.max.apply(null, criterion.options.map(function (o) { return o.score; }));
      var chosen = answers[criterion.id];
      if (chosen !== undefined && best > 0) total += criterion.weight * criterion.options[chosen].score / best;
    });
    return Math.round(total);
  };

  PB.bandFor = function (scoring, score) {
    return scoring.bands.filter(function (band) { return score >= band.min && score <= band.max; })[0] || null;
  };

  function data(node) { return JSON.parse(node.querySelector("script[type='application/json']").textContent); }

  function tierCalculator(node) {
    var tiers = data(node);
    var input = node.querySelector("input");
    var out = node.querySelector("output");
    function update() {
      var text = input.value.trim();
      if (!text) { out.replaceChildren("输入年采购额后显示分级。"); return; }
      var amount = PB.parseNumber(text.replace(/万元?$/, ""));  // the unit is 万元; reps often type it
      if (amount === null || amount < 0) { out.replaceChildren(h("span", { class: "pb-error", text: "请输入不小于 0 的数字（单位：万元）" })); return; }
      var tier = PB.tierFor(tiers, amount);
      out.replaceChildren(h("strong", { class: "pb-calc-result", "data-tier": tier.id, text: tier.name }),
        h("span", { text: "：回访" + tier.review + "，" + tier.response_hours + " 小时内响应。" }),
        h("ul", {}, tier.strategy.map(function (s) { return h("li", { text: s }); })));
    }
    input.addEventListener("input", update);
    update();
  }

  function scoreCalculator(node) {
    var scoring = data(node);
    var out = node.querySelector("output");
    var answers = {};
    function update() {
      var missing = scoring.criteria.filter(function (c) { return answers[c.id] === undefined; }).length;
      if (missing) { out.replaceChildren("还有 " + missing + " 项未选。"); return; }
      var score = PB.scoreFor(scoring, answers);
      var band = PB.bandFor(scoring, score);
      out.replaceChildren(h("p", {}, "总分 ", h("strong", { class: "pb-calc-total", text: String(score) }), "，建议采用 ",
        h("a", { class: "pb-calc-mode", href: PB.root + band.url, text: band.mode_title }), "。"),
        h("p", { text: band.advice }),
        band.visits.length ? h("p", { text: "标准拜访程序：" + band.visits.join(" → ") }) : null);
    }
    node.querySelectorAll("select[data-criterion]").forEach(function (select) {
      select.addEventListener("change", function () {
        if (select.value === "") delete answers[select.dataset.criterion];
        else answers[select.dataset.criterion] = Number(select.value);
        update();
      });
    });
    update();
  }

  PB.onPage(function () {
    document.querySelectorAll(".pb-calc-tier:not([data-bound])").forEach(function (node) { node.dataset.bound = "1"; tierCalculator(node); });
    document.querySelectorAll(".pb-calc-score:not([data-bound])").forEach(function (node) { node.dataset.bound = "1"; scoreCalculator(node); });
  });
})();
