/* 销售作战手册 — the course composer: modules from playbook items, exercises, a quiz,
 * running totals per day, and a course YAML that drops into content/courses/ and
 * validates unchanged. The course's sources are the seeds of the items it uses. */
(function () {
  "use strict";
  var PB = window.PB;
  var h = PB.h;
  var KEY = "playbook.composer";
  var METHODS = ["讲授", "讨论", "演练", "案例", "测验", "休息"];
  var EXERCISES = ["角色扮演", "案例", "表单练习", "讨论"];
  var QUESTIONS = { single: "单选", multiple: "多选", truefalse: "判断", short: "简答" };
  var draft = null;

  // 第一天 … 第十天, 第十一天 …: the day after the fifth has a name too.
  var DIGITS = "零一二三四五六七八九";
  PB.chineseNumber = function (n) {
    if (n < 10) return DIGITS[n];
    if (n < 20) return "十" + (n % 10 ? DIGITS[n % 10] : "");
    if (n < 100) return DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? DIGITS[n % 10] : "");
    return String(n);
  };

  function blankModule() {
    return { title: "", minutes: 60, method: "讲授", items: [], objectives: "", notes: "", exercises: [] };
  }
  function blankExercise() {
    return { title: "", type: "角色扮演", minutes: "", instructions: "", materials: [], notes: "", answer: "" };
  }
  function blankQuestion() {
    return {
      type: "single",
      prompt: "",
      options: "",
      correct: "",
      truth: "true",
      reference: "",
      explanation: "",
      ref: [],
    };
  }
  function blankDay(n) {
    return { title: "第" + PB.chineseNumber(n + 1) + "天", start: "09:00", end: "17:00", modules: [blankModule()] };
  }
  function blank() {
    return {
      id: "",
      title: "",
      summary: "",
      audience: "",
      prerequisites: "",
      outcomes: "",
      days: [blankDay(0)],
      quiz: [],
    };
  }

  // Drafts saved by an older composer lack the newer parts.
  function normalise(data) {
    var base = blank();
    Object.keys(base).forEach(function (key) {
      if (data[key] === undefined) data[key] = base[key];
    });
    delete data.sources;
    data.days.forEach(function (day) {
      day.modules.forEach(function (module) {
        var fresh = blankModule();
        Object.keys(fresh).forEach(function (key) {
          if (module[key] === undefined) module[key] = fresh[key];
        });
      });
    });
    return data;
  }

  function load() {
    try {
      draft = normalise(JSON.parse(localStorage.getItem(KEY)) || blank());
    } catch {
      draft = blank();
    }
  }
  function save() {
    try {
      localStorage.setItem(KEY, JSON.stringify(draft));
    } catch {
      /* draft stays in memory */
    }
  }

  function minutes(clock) {
    var p = /^(\d{2}):(\d{2})$/.exec(clock || "");
    return p ? Number(p[1]) * 60 + Number(p[2]) : null;
  }
  function lines(text) {
    return String(text || "")
      .split(/\n+/)
      .map(function (s) {
        return s.trim();
      })
      .filter(Boolean);
  }
  function numbers(text) {
    return String(text || "")
      .split(/[,，、\s]+/)
      .filter(Boolean)
      .map(Number);
  }

  // ------------------------------------------------------------------ catalogue

  // Each choice names its kind: a glossary term shares its title with the item it
  // explains (锁客 is a technique and a term), and a choice must insert the item it shows.
  var catalogCache = null;
  function catalog() {
    if (catalogCache) return catalogCache;
    var seen = {};
    PB.manifest.catalog.forEach(function (c) {
      var key = c.label + "：" + c.title;
      seen[key] = (seen[key] || 0) + 1;
    });
    catalogCache = PB.manifest.catalog.map(function (c) {
      var key = c.label + "：" + c.title;
      return {
        id: c.id,
        title: c.title,
        label: c.label,
        kind: c.kind,
        seeds: c.seeds || [],
        choice: seen[key] > 1 ? key + "（" + c.id + "）" : key,
      };
    });
    return catalogCache;
  }
  function byId(id) {
    return catalog().filter(function (c) {
      return c.id === id;
    })[0];
  }

  // The item a typed text means: a choice from the list, an id, or a title only one kind has.
  PB.composerMatch = function (text) {
    text = String(text || "").trim();
    var exact = catalog().filter(function (c) {
      return c.choice === text || c.id === text;
    });
    if (exact.length) return { item: exact[0] };
    var titled = catalog().filter(function (c) {
      return c.title === text;
    });
    if (titled.length === 1) return { item: titled[0] };
    if (titled.length > 1)
      return {
        error:
          "有 " +
          titled.length +
          " 个同名条目，请从列表里选一个：" +
          titled
            .map(function (c) {
              return c.choice;
            })
            .join(" / "),
      };
    return { error: "手册里没有这个条目" };
  };

  // ------------------------------------------------------------------ checks

  function unsafe(text) {
    return /[<>]|\{[{%#]/.test(text);
  }

  function problems() {
    var list = [];
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(draft.id))
      list.push("课程 id 只能用小写字母、数字和短横线，如 phone-skills-workshop");
    if (!draft.title.trim()) list.push("请填写课程名称");
    if (!draft.summary.trim()) list.push("请填写一句话简介");
    if (!lines(draft.audience).length) list.push("请填写学员对象");
    if (!lines(draft.outcomes).length) list.push("请填写学习成果");
    if (!seeds().length) list.push("至少引用一个手册条目（课程的资料来源由引用的条目决定）");
    draft.days.forEach(function (day) {
      var start = minutes(day.start),
        end = minutes(day.end);
      if (!day.title.trim()) list.push("有一天没有名称");
      if (start === null || end === null || end <= start) list.push(day.title + "：时间应为 HH:MM，且结束晚于开始");
      var used = day.modules.reduce(function (sum, m) {
        return sum + (Number(m.minutes) || 0);
      }, 0);
      if (start !== null && end !== null && used > end - start)
        list.push(day.title + "：模块共 " + used + " 分钟，超出 " + (end - start) + " 分钟");
      day.modules.forEach(function (module, i) {
        var where = day.title + " 第 " + (i + 1) + " 个模块";
        if (!module.title.trim()) list.push(where + "缺少标题");
        if (!(Number(module.minutes) >= 5)) list.push(where + "至少 5 分钟");
        module.exercises.forEach(function (exercise, k) {
          var at = where + "的练习 " + (k + 1);
          if (!exercise.title.trim()) list.push(at + "缺少标题");
          if (!exercise.instructions.trim()) list.push(at + "缺少做法说明");
          if (!exercise.materials.length) list.push(at + "至少要有一份材料（手册条目）");
          if (exercise.minutes !== "" && !(Number(exercise.minutes) >= 1)) list.push(at + "的分钟数应为正整数");
        });
      });
    });
    draft.quiz.forEach(function (question, i) {
      var at = "测验第 " + (i + 1) + " 题";
      if (!question.prompt.trim()) list.push(at + "缺少题目");
      if (!question.explanation.trim()) list.push(at + "缺少解释");
      if (!question.ref.length) list.push(at + "要引用讲解它的手册条目");
      if (question.type === "single" || question.type === "multiple") {
        var options = lines(question.options),
          correct = numbers(question.correct);
        if (options.length < 2) list.push(at + "至少要有 2 个选项（每行一个）");
        if (
          !correct.length ||
          correct.some(function (n) {
            return !(n >= 1 && n <= options.length && n % 1 === 0);
          })
        )
          list.push(at + "的正确选项要写 1 到 " + options.length + " 之间的序号");
        if (question.type === "single" && correct.length !== 1) list.push(at + "是单选题，只能有一个正确选项");
      }
      if (question.type === "short" && !question.reference.trim()) list.push(at + "是简答题，要写参考答案");
    });
    if (unsafe(JSON.stringify(draft))) list.push("文字里不能有 < 或 > 符号，也不能有 {{、{% 这样的模板记号");
    return list;
  }

  // The seeds of every item the course uses: its sources, in order.
  function used() {
    var ids = [];
    draft.days.forEach(function (day) {
      day.modules.forEach(function (module) {
        ids = ids.concat(module.items);
        module.exercises.forEach(function (exercise) {
          ids = ids.concat(exercise.materials);
        });
      });
    });
    draft.quiz.forEach(function (question) {
      ids = ids.concat(question.ref);
    });
    return ids;
  }
  function seeds() {
    var found = {};
    used().forEach(function (id) {
      var item = byId(id);
      (item ? item.seeds : []).forEach(function (s) {
        found[s] = true;
      });
    });
    return Object.keys(found).sort();
  }

  // ------------------------------------------------------------------ YAML

  // Every string double-quoted (JSON strings are valid YAML), numbers bare.
  function q(text) {
    return JSON.stringify(String(text).trim());
  }
  function list(values) {
    return "[" + values.map(q).join(", ") + "]";
  }
  PB.courseYaml = function (course) {
    var saved = draft;
    draft = course; // seeds() reads the draft
    var out = [
      "# yaml-language-server: $schema=../../schema/course.schema.json",
      "id: " + q(course.id),
      "title: " + q(course.title),
      "summary: " + q(course.summary),
      "sources: " + list(seeds()),
      "authored: " + q("课程由培训师用组课工具编排，内容引用手册条目。"),
      "audience: " + list(lines(course.audience)),
    ];
    draft = saved;
    if (lines(course.prerequisites).length) out.push("prerequisites: " + list(lines(course.prerequisites)));
    out.push("outcomes: " + list(lines(course.outcomes)), "days:");
    course.days.forEach(function (day) {
      out.push("  - title: " + q(day.title), "    start: " + q(day.start), "    end: " + q(day.end), "    modules:");
      day.modules.forEach(function (module) {
        out.push(
          "      - title: " + q(module.title),
          "        minutes: " + Number(module.minutes),
          "        method: " + q(module.method),
        );
        if (lines(module.objectives).length) out.push("        objectives: " + list(lines(module.objectives)));
        if (module.items.length) out.push("        items: " + list(module.items));
        if (module.notes.trim()) out.push("        facilitator_notes: " + q(module.notes));
        if (module.exercises.length) out.push("        exercises:");
        module.exercises.forEach(function (exercise) {
          out.push("          - title: " + q(exercise.title), "            type: " + q(exercise.type));
          if (exercise.minutes !== "") out.push("            minutes: " + Number(exercise.minutes));
          out.push(
            "            instructions: " + q(exercise.instructions),
            "            materials: " + list(exercise.materials),
          );
          if (exercise.notes.trim()) out.push("            facilitator_notes: " + q(exercise.notes));
          if (exercise.answer.trim()) out.push("            model_answer: " + q(exercise.answer));
        });
      });
    });
    if (course.quiz.length) out.push("quiz:");
    course.quiz.forEach(function (question, i) {
      out.push("  - id: " + q("q" + (i + 1)), "    type: " + q(question.type), "    prompt: " + q(question.prompt));
      if (question.type === "single" || question.type === "multiple") {
        out.push(
          "    options: " + list(lines(question.options)),
          "    correct: [" + numbers(question.correct).join(", ") + "]",
        );
      }
      if (question.type === "truefalse") out.push("    truth: " + (question.truth === "true" ? "true" : "false"));
      if (question.type === "short") out.push("    reference_answer: " + q(question.reference));
      out.push("    explanation: " + q(question.explanation), "    ref: " + q(question.ref[0]));
    });
    return out.join("\n") + "\n";
  };

  // ------------------------------------------------------------------ controls

  function changed() {
    save();
    totals();
  }

  /**
   * A control with its label in front, as every field of the composer has.
   * @param {string} text
   * @param {HTMLElement} control
   */
  function labelled(text, control) {
    return h("label", {}, text, control);
  }

  /**
   * The change handler that writes a field's value into ``object[key]``.
   * @param {Record<string, any>} object
   * @param {string} key
   */
  function setter(object, key) {
    return function (/** @type {string} */ value) {
      object[key] = value;
    };
  }

  function input(value, attrs, onchange) {
    var node = h("input", Object.assign({ value: value }, attrs));
    node.addEventListener("input", function () {
      onchange(node.value);
      changed();
    });
    return node;
  }

  function textarea(value, attrs, onchange) {
    var node = h("textarea", Object.assign({ rows: 2 }, attrs));
    node.value = value;
    node.addEventListener("input", function () {
      onchange(node.value);
      changed();
    });
    return node;
  }

  function select(choices, value, attrs, onchange) {
    var node = h(
      "select",
      attrs,
      Object.keys(choices).map(function (key) {
        return h("option", { value: key, selected: key === value, text: choices[key] });
      }),
    );
    node.addEventListener("change", function () {
      onchange(node.value);
      changed();
    });
    return node;
  }
  function named(values) {
    var out = {};
    values.forEach(function (v) {
      out[v] = v;
    });
    return out;
  }

  // Items of a module, materials of an exercise, the reference of a question (single).
  function itemPicker(ids, options) {
    var picked = h("ul", { class: "pb-picked" });
    function draw() {
      picked.replaceChildren.apply(
        picked,
        ids.map(function (id) {
          var item = byId(id);
          return h(
            "li",
            {},
            (item ? item.choice : id) + " ",
            h("button", {
              type: "button",
              class: "pb-row-remove",
              "aria-label": "移除 " + (item ? item.title : id),
              text: "移除",
              onclick: function () {
                ids.splice(ids.indexOf(id), 1);
                changed();
                draw();
              },
            }),
          );
        }),
      );
    }
    var search = h("input", {
      type: "text",
      list: "pb-catalog",
      class: "pb-item-search",
      placeholder: options.placeholder || "输入条目名称，从列表里选",
      "aria-label": options.label,
    });
    var add = h("button", {
      type: "button",
      class: "md-button pb-item-add",
      text: options.button,
      onclick: function () {
        var found = PB.composerMatch(search.value);
        if (found.error) {
          search.setCustomValidity(found.error);
          search.reportValidity();
          return;
        }
        search.setCustomValidity("");
        if (options.single) ids.splice(0, ids.length);
        if (ids.indexOf(found.item.id) < 0) ids.push(found.item.id);
        search.value = "";
        changed();
        draw();
      },
    });
    search.addEventListener("input", function () {
      search.setCustomValidity("");
    });
    draw();
    return h("div", { class: "pb-picker" }, search, add, picked);
  }

  function exerciseRow(module, exercise, index) {
    return h(
      "fieldset",
      { class: "pb-exercise-edit" },
      h("legend", { text: "练习 " + (index + 1) }),
      labelled("标题 ", input(exercise.title, { class: "pb-exercise-title" }, setter(exercise, "title"))),
      labelled(
        "类型 ",
        select(named(EXERCISES), exercise.type, { class: "pb-exercise-type" }, setter(exercise, "type")),
      ),
      labelled(
        "分钟（可不填） ",
        input(exercise.minutes, { type: "number", min: 1, class: "pb-exercise-minutes" }, setter(exercise, "minutes")),
      ),
      labelled(
        "做法（学员讲义里有） ",
        textarea(exercise.instructions, { class: "pb-exercise-instructions" }, setter(exercise, "instructions")),
      ),
      h("p", {
        class: "pb-help",
        text: "材料：角色扮演选话术，讲师手册会附上观察表；案例讨论选案例，讲师手册会附上引导说明和参考答案。",
      }),
      itemPicker(exercise.materials, { label: "添加练习材料", button: "添加材料" }),
      labelled(
        "讲师提示（只在讲师手册里） ",
        textarea(exercise.notes, { class: "pb-exercise-notes" }, setter(exercise, "notes")),
      ),
      labelled(
        "参考答案（只在讲师手册里） ",
        textarea(exercise.answer, { class: "pb-exercise-answer" }, setter(exercise, "answer")),
      ),
      h("button", {
        type: "button",
        class: "md-button pb-danger",
        text: "删除练习",
        onclick: function () {
          module.exercises.splice(index, 1);
          changed();
          render();
        },
      }),
    );
  }

  function moduleRow(day, module, index) {
    return h(
      "fieldset",
      { class: "pb-module" },
      h("legend", { text: "模块 " + (index + 1) }),
      labelled("标题 ", input(module.title, { class: "pb-module-title" }, setter(module, "title"))),
      h(
        "label",
        {},
        "分钟 ",
        input(module.minutes, { type: "number", min: 5, step: 5, class: "pb-module-minutes" }, function (v) {
          module.minutes = Number(v);
        }),
      ),
      labelled("方式 ", select(named(METHODS), module.method, { class: "pb-module-method" }, setter(module, "method"))),
      labelled(
        "目标（每行一条） ",
        textarea(module.objectives, { class: "pb-module-objectives" }, setter(module, "objectives")),
      ),
      itemPicker(module.items, { label: "添加手册条目", button: "添加条目", placeholder: "输入条目名称，如 电话技巧" }),
      labelled(
        "讲师提示（只在讲师手册里） ",
        textarea(module.notes, { class: "pb-module-notes" }, setter(module, "notes")),
      ),
      module.exercises.map(function (exercise, k) {
        return exerciseRow(module, exercise, k);
      }),
      h("button", {
        type: "button",
        class: "md-button pb-add-exercise",
        text: "添加练习",
        onclick: function () {
          module.exercises.push(blankExercise());
          changed();
          render();
        },
      }),
      h("button", {
        type: "button",
        class: "md-button pb-danger",
        text: "删除模块",
        onclick: function () {
          day.modules.splice(index, 1);
          changed();
          render();
        },
      }),
    );
  }

  function questionRow(question, index) {
    var choice = question.type === "single" || question.type === "multiple";
    return h(
      "fieldset",
      { class: "pb-question-edit" },
      h("legend", { text: "第 " + (index + 1) + " 题" }),
      h(
        "label",
        {},
        "题型 ",
        select(QUESTIONS, question.type, { class: "pb-question-type" }, function (v) {
          question.type = v;
          render();
        }),
      ),
      labelled("题目 ", input(question.prompt, { class: "pb-question-prompt" }, setter(question, "prompt"))),
      choice
        ? labelled(
            "选项（每行一个） ",
            textarea(question.options, { class: "pb-question-options", rows: 3 }, setter(question, "options")),
          )
        : null,
      choice
        ? labelled(
            "正确选项的序号（如 2，多选写 1,3） ",
            input(question.correct, { class: "pb-question-correct" }, setter(question, "correct")),
          )
        : null,
      question.type === "truefalse"
        ? labelled(
            "答案 ",
            select(
              { true: "对", false: "错" },
              question.truth,
              { class: "pb-question-truth" },
              setter(question, "truth"),
            ),
          )
        : null,
      question.type === "short"
        ? labelled(
            "参考答案 ",
            textarea(question.reference, { class: "pb-question-reference" }, setter(question, "reference")),
          )
        : null,
      labelled(
        "解释（交卷后显示） ",
        textarea(question.explanation, { class: "pb-question-explanation" }, setter(question, "explanation")),
      ),
      itemPicker(question.ref, { label: "讲解这道题的条目", button: "选定条目", single: true }),
      h("button", {
        type: "button",
        class: "md-button pb-danger",
        text: "删除这道题",
        onclick: function () {
          draft.quiz.splice(index, 1);
          changed();
          render();
        },
      }),
    );
  }

  function totals() {
    draft.days.forEach(function (day, d) {
      var node = document.querySelector('[data-day-total="' + d + '"]');
      if (!node) return;
      var start = minutes(day.start),
        end = minutes(day.end);
      var spent = day.modules.reduce(function (sum, m) {
        return sum + (Number(m.minutes) || 0);
      }, 0);
      var available = start !== null && end !== null ? end - start : 0;
      node.textContent =
        "已排 " +
        spent +
        " 分钟 / 可用 " +
        available +
        " 分钟" +
        (spent > available ? "（超出 " + (spent - available) + " 分钟）" : "（剩余 " + (available - spent) + " 分钟）");
      node.classList.toggle("pb-over", spent > available);
    });
    var problemList = document.querySelector(".pb-composer-problems");
    if (problemList) {
      var found = problems();
      problemList.replaceChildren.apply(
        problemList,
        found.map(function (p) {
          return h("li", { text: p });
        }),
      );
      /** @type {HTMLButtonElement} */ (document.querySelector("#pb-composer-download")).disabled = found.length > 0;
    }
  }

  function render() {
    var app = document.getElementById("pb-composer");
    if (!app) return;
    if (!draft) load();
    var options = h(
      "datalist",
      { id: "pb-catalog" },
      catalog().map(function (c) {
        return h("option", { value: c.choice });
      }),
    );
    app.replaceChildren.apply(
      app,
      []
        .concat(
          options,
          h(
            "fieldset",
            { class: "pb-course-meta" },
            h("legend", { text: "课程" }),
            h(
              "label",
              {},
              "课程 id（文件名） ",
              input(draft.id, { id: "pb-course-id", placeholder: "如 objection-workshop" }, function (v) {
                draft.id = v.trim();
              }),
            ),
            labelled("课程名称 ", input(draft.title, { id: "pb-course-title" }, setter(draft, "title"))),
            labelled("一句话简介 ", input(draft.summary, { id: "pb-course-summary" }, setter(draft, "summary"))),
            labelled(
              "学员对象（每行一条） ",
              textarea(draft.audience, { id: "pb-course-audience" }, setter(draft, "audience")),
            ),
            labelled(
              "先修要求（每行一条，可不填） ",
              textarea(draft.prerequisites, { id: "pb-course-prerequisites" }, setter(draft, "prerequisites")),
            ),
            labelled(
              "学习成果（每行一条） ",
              textarea(draft.outcomes, { id: "pb-course-outcomes" }, setter(draft, "outcomes")),
            ),
          ),
          draft.days.map(function (day, d) {
            return h(
              "section",
              { class: "pb-day" },
              h(
                "h2",
                {},
                input(day.title, { class: "pb-day-name", "aria-label": "第 " + (d + 1) + " 天名称" }, function (v) {
                  day.title = v;
                }),
              ),
              h(
                "p",
                {},
                labelled("开始 ", input(day.start, { type: "time", class: "pb-day-start" }, setter(day, "start"))),
                " ",
                labelled("结束 ", input(day.end, { type: "time", class: "pb-day-end" }, setter(day, "end"))),
                " ",
                h("strong", { class: "pb-day-total", "data-day-total": String(d) }),
              ),
              day.modules.map(function (module, i) {
                return moduleRow(day, module, i);
              }),
              h("button", {
                type: "button",
                class: "md-button",
                text: "添加模块",
                onclick: function () {
                  day.modules.push(blankModule());
                  changed();
                  render();
                },
              }),
              draft.days.length > 1
                ? h("button", {
                    type: "button",
                    class: "md-button pb-danger",
                    text: "删除这一天",
                    onclick: function () {
                      draft.days.splice(d, 1);
                      changed();
                      render();
                    },
                  })
                : null,
            );
          }),
          h(
            "p",
            {},
            h("button", {
              type: "button",
              class: "md-button",
              text: "添加一天",
              onclick: function () {
                draft.days.push(blankDay(draft.days.length));
                changed();
                render();
              },
            }),
          ),
          h(
            "section",
            { class: "pb-quiz-edit" },
            h("h2", { text: "课后测验" }),
            h("p", {
              class: "pb-help",
              text: "学员在课程页在线作答，交卷后看到得分、解释和正确答案；答案表在讲师手册里。",
            }),
            draft.quiz.map(questionRow),
            h("button", {
              type: "button",
              class: "md-button pb-add-question",
              text: "添加一道题",
              onclick: function () {
                draft.quiz.push(blankQuestion());
                changed();
                render();
              },
            }),
          ),
          h(
            "p",
            {},
            h("button", {
              type: "button",
              class: "md-button pb-danger",
              text: "清空重来",
              onclick: function () {
                if (window.confirm("清空当前草稿？")) {
                  draft = blank();
                  changed();
                  render();
                }
              },
            }),
          ),
          h("ul", { class: "pb-composer-problems pb-error", "aria-live": "polite" }),
          h("button", {
            type: "button",
            id: "pb-composer-download",
            class: "md-button md-button--primary",
            text: "下载课程 YAML",
            onclick: function () {
              PB.download(draft.id + ".yml", new Blob([PB.courseYaml(draft)], { type: "text/yaml" }));
            },
          }),
        )
        .filter(Boolean),
    );
    totals();
  }

  PB.onPage(render);
})();
