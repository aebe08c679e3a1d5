/* 销售作战手册 — take a course quiz: answers kept across reloads, score after handing in,
 * then each question's explanation and, after a wrong answer, the right one marked.
 * Before handing in, the page knows the answers only as FNV-1a hashes; the explanations
 * and the key are a script of their own (assets/playbook/quiz/<course>.js) loaded on submit. */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;
  var KEY = "playbook.quiz";

  PB.fnv1a = function (text) {
    var bytes = new TextEncoder().encode(text);
    var value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      value ^= bytes[i];
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return ("0000000" + value.toString(16)).slice(-8);
  };

  // Answers per course: { courseId: { answers: { questionId: value }, submitted: bool } }.
  // Kept apart from the deals; storage that is blocked or full only means nothing is kept.
  function readAll() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY));
      return data && typeof data === "object" ? data : {};
    } catch {
      return {};
    }
  }
  function saved(course) {
    var entry = readAll()[course];
    return entry && typeof entry === "object" ? entry : {};
  }
  function keep(course, entry) {
    try {
      var all = readAll();
      all[course] = entry;
      localStorage.setItem(KEY, JSON.stringify(all));
    } catch {
      /* the answers stay on the page */
    }
  }

  function answerOf(fieldset, question) {
    if (question.type === "short") return fieldset.querySelector("textarea").value;
    return Array.prototype.map
      .call(fieldset.querySelectorAll("input:checked"), function (i) {
        return i.value;
      })
      .sort()
      .join(",");
  }

  function restore(fieldset, question, value) {
    if (typeof value !== "string") return;
    if (question.type === "short") {
      fieldset.querySelector("textarea").value = value;
      return;
    }
    var chosen = value.split(",");
    fieldset.querySelectorAll("input").forEach(function (input) {
      input.checked = chosen.indexOf(input.value) >= 0;
    });
  }

  // The answer key arrives as a script so that it also loads from a file share (file://).
  function loadKey(course, done) {
    var keys = window.PB_QUIZ_KEYS || {};
    if (keys[course]) {
      done(keys[course]);
      return;
    }
    var script = h("script", { src: PB.root + "assets/playbook/quiz/" + course + ".js" });
    script.addEventListener("load", function () {
      done((window.PB_QUIZ_KEYS || {})[course] || {});
    });
    script.addEventListener("error", function () {
      done({});
    });
    document.head.appendChild(script);
  }

  function label(fieldset, value) {
    if (value === "true" || value === "false") return value === "true" ? "对" : "错";
    var input = fieldset.querySelector('input[value="' + value + '"]');
    return "ABCDEFGH".charAt(Number(value) - 1) + (input ? "．" + input.closest("label").textContent.trim() : "");
  }

  function grade(form, questions, course) {
    var right = 0,
      graded = 0,
      verdicts = {};
    questions.forEach(function (question) {
      var fieldset = form.querySelector('[data-question="' + question.id + '"]');
      var answer = answerOf(fieldset, question);
      if (question.type === "short") {
        verdicts[question.id] = "short";
        return;
      }
      graded += 1;
      var ok = answer !== "" && PB.fnv1a(question.id + ":" + answer) === question.hash;
      if (ok) right += 1;
      verdicts[question.id] = answer === "" ? "empty" : ok ? "right" : "wrong";
      fieldset.dataset.result = ok ? "right" : "wrong";
    });
    form.querySelector(".pb-quiz-score").textContent =
      "得分：" + right + " / " + graded + "（" + Math.round(graded ? (right * 100) / graded : 0) + " 分）";
    loadKey(course, function (key) {
      questions.forEach(function (question) {
        explain(form, question, verdicts[question.id], key[question.id] || {});
      });
    });
  }

  function explain(form, question, verdict, entry) {
    var fieldset = form.querySelector('[data-question="' + question.id + '"]');
    var feedback = fieldset.querySelector(".pb-quiz-feedback");
    var words = {
      right: "回答正确。",
      wrong: "回答错误。",
      empty: "未作答。",
      short: "简答题不自动评分，请对照参考答案自查。",
    }[verdict];
    var correct = entry.correct || [];
    fieldset.querySelectorAll("label").forEach(function (node) {
      var input = node.querySelector("input");
      node.classList.toggle("pb-quiz-correct", !!input && verdict !== "right" && correct.indexOf(input.value) >= 0);
    });
    var parts = [h("strong", { text: words })];
    if (verdict === "wrong" || verdict === "empty") {
      if (correct.length)
        parts.push(
          " 正确答案：" +
            correct
              .map(function (value) {
                return label(fieldset, value);
              })
              .join("；") +
            "。",
        );
    }
    if (entry.reference) parts.push(h("span", { class: "pb-quiz-reference" }, " 参考答案：" + entry.reference));
    if (entry.explanation) parts.push(" " + entry.explanation);
    parts.push(" 详见：", h("a", { href: question.ref.href, text: question.ref.title }));
    feedback.replaceChildren.apply(feedback, parts);
    feedback.hidden = false;
  }

  function bind(form) {
    var course = form.dataset.course;
    var questions = JSON.parse(form.querySelector("script[type='application/json']").textContent);
    var entry = saved(course);
    var answers = entry.answers && typeof entry.answers === "object" ? entry.answers : {};
    questions.forEach(function (question) {
      restore(form.querySelector('[data-question="' + question.id + '"]'), question, answers[question.id]);
    });
    function record(submitted) {
      var now = {};
      questions.forEach(function (question) {
        now[question.id] = answerOf(form.querySelector('[data-question="' + question.id + '"]'), question);
      });
      keep(course, { answers: now, submitted: submitted });
    }
    form.addEventListener("input", function () {
      record(!!saved(course).submitted);
    });
    form.addEventListener("change", function () {
      record(!!saved(course).submitted);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      record(true);
      grade(form, questions, course);
    });
    var reset = h("button", {
      type: "button",
      class: "md-button pb-quiz-reset",
      text: "清空重做",
      onclick: function () {
        form.reset();
        keep(course, { answers: {}, submitted: false });
        form.querySelectorAll(".pb-quiz-feedback").forEach(function (node) {
          node.hidden = true;
          node.replaceChildren();
        });
        form.querySelectorAll("[data-result]").forEach(function (node) {
          delete node.dataset.result;
        });
        form.querySelectorAll(".pb-quiz-correct").forEach(function (node) {
          node.classList.remove("pb-quiz-correct");
        });
        form.querySelector(".pb-quiz-score").textContent = "";
      },
    });
    form.querySelector(".pb-quiz-score").before(reset);
    if (entry.submitted) grade(form, questions, course);
  }

  PB.onPage(function () {
    document.querySelectorAll("form.pb-quiz:not([data-bound])").forEach(function (/** @type {HTMLFormElement} */ form) {
      form.dataset.bound = "1";
      bind(form);
    });
  });
})();
