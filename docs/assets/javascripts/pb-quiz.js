/* 销售作战手册 — take a course quiz: score and explanations after submitting.
 * Correct answers are in the page only as FNV-1a hashes (the key is in the facilitator guide). */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;

  PB.fnv1a = function (text) {
    var bytes = new TextEncoder().encode(text);
    var value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { value ^= bytes[i]; value = Math.imul(value, 0x01000193) >>> 0; }
    return ("0000000" + value.toString(16)).slice(-8);
  };

  function answerOf(fieldset, question) {
    var inputs = Array.prototype.slice.call(fieldset.querySelectorAll("input:checked"));
    if (question.type === "short") return fieldset.querySelector("textarea").value.trim();
    return inputs.map(function (i) { return i.value; }).sort().join(",");
  }

  function bind(form) {
    var questions = JSON.parse(form.querySelector("script[type='application/json']").textContent);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var right = 0, graded = 0;
      questions.forEach(function (question) {
        var fieldset = form.querySelector('[data-question="' + question.id + '"]');
        var answer = answerOf(fieldset, question);
        var feedback = fieldset.querySelector(".pb-quiz-feedback");
        var verdict;
        if (question.type === "short") verdict = "简答题不自动评分，请对照讲义自查。";
        else {
          graded += 1;
          var ok = answer !== "" && PB.fnv1a(question.id + ":" + answer) === question.hash;
          if (ok) right += 1;
          verdict = answer === "" ? "未作答。" : ok ? "回答正确。" : "回答错误。";
          fieldset.dataset.result = ok ? "right" : "wrong";
        }
        feedback.replaceChildren(h("strong", { text: verdict }), " " + question.explanation + " 详见：",
          h("a", { href: question.ref.href, text: question.ref.title }));
        feedback.hidden = false;
      });
      form.querySelector(".pb-quiz-score").textContent = "得分：" + right + " / " + graded + "（" + Math.round(graded ? right * 100 / graded : 0) + " 分）";
    });
  }

  PB.onPage(function () {
    document.querySelectorAll("form.pb-quiz:not([data-bound])").forEach(function (form) { form.dataset.bound = "1"; bind(form); });
  });
})();
