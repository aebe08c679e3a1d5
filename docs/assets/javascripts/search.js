/* 销售作战手册 — split a Chinese search query the way the index was split.
 *
 * The index is segmented by jieba with the site's own vocabulary (titles, glossary
 * terms, aliases). Material's worker does not run jieba on the query, so here the
 * query is segmented before it reaches the worker: site words first (longest match, matched
 * exactly), Intl.Segmenter for what is left (prefix match), question words and lone
 * characters dropped. The plugin removes
 * the worker's own Han segmentation so that it does not split the words again.
 */
(function () {
  "use strict";
  var QUERY = 2; // Material's SearchMessageType.QUERY
  var STOP = { "的": 1, "了": 1, "吗": 1, "呢": 1, "啊": 1, "吧": 1, "怎么": 1, "怎么办": 1, "怎样": 1, "如何": 1,
    "什么": 1, "为什么": 1, "哪些": 1, "是": 1, "要": 1, "我": 1, "你": 1, "他": 1, "说": 1, "和": 1, "与": 1, "在": 1,
    "有": 1, "就": 1, "都": 1, "还": 1, "该": 1, "能": 1, "会": 1, "把": 1, "被": 1, "对": 1, "给": 1, "一下": 1,
    // Words on nearly every page of a sales playbook: they only add noise to a question.
    "客户": 1, "销售": 1, "对方": 1, "我们": 1, "他们": 1, "这个": 1, "一个": 1, "可以": 1, "应该": 1, "还是": 1, "哪里": 1 };
  // The worker appends "*" to every query word unless it ends in a boost such as "^1".
  // A site word is whole, so it is matched exactly: 客户 must not also match 客户信息表
  // and 客户维护与深度开发. Fragments from Intl.Segmenter keep the wildcard.
  var EXACT = "^1";
  var vocabulary = null; // Set of site words
  var longest = 1;
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

  function load() {
    // assets/playbook/vocabulary.js (generated at build time) sets PB_VOCABULARY.
    var words = window.PB_VOCABULARY || [];
    vocabulary = new Set(words);
    words.forEach(function (word) { longest = Math.max(longest, word.length); });
  }

  function fallback(chunk, out) {
    if (!segmenter) { out.push(chunk); return; }
    for (var part of segmenter.segment(chunk)) if (part.isWordLike !== false) out.push(part.segment);
  }

  // The words of a run of Han characters: site words first (longest match), then
  // Intl.Segmenter for what is left.
  function hanWords(run) {
    var out = [];
    var rest = "";
    var i = 0;
    while (i < run.length) {
      var match = "";
      for (var size = Math.min(longest, run.length - i); size >= 2; size--) {
        var candidate = run.slice(i, i + size);
        if (vocabulary.has(candidate)) { match = candidate; break; }
      }
      if (match) {
        if (rest) { fallback(rest, out); rest = ""; }
        out.push(match);
        i += match.length;
      } else {
        rest += run[i];
        i += 1;
      }
    }
    if (rest) fallback(rest, out);
    return out;
  }

  function segmentQuery(query) {
    if (vocabulary === null) load();
    var words = [];
    query.replace(/[\u3000-\u303f\uff00-\uffef，。？！、；：“”（）]+/g, " ").split(/\s+/).forEach(function (chunk) {
      chunk.split(/(\p{sc=Han}+)/u).forEach(function (part) {
        if (!part) return;
        if (/\p{sc=Han}/u.test(part)) hanWords(part).forEach(function (word) { words.push({ text: word, han: true }); });
        else words.push({ text: part, han: false });
      });
    });
    // The worker appends "*" to every word: a lone character (让, 来, 前) would match every
    // word that starts with it, so lone characters and question words go when others remain.
    var kept = words.filter(function (word) { return !(word.han && (STOP[word.text] || word.text.length < 2)); });
    if (kept.length) words = kept;
    // A whole Chinese word is matched exactly ("^1" stops the wildcard): 客户 must not also
    // match 客户信息表 and 客户维护与深度开发. Only the word still being typed keeps the prefix match.
    var typing = !/\s$/.test(query);
    return words.map(function (word, index) {
      var last = typing && index === words.length - 1 && !vocabulary.has(word.text);
      return word.han && !last ? word.text + EXACT : word.text;
    }).join(" ");
  }

  window.playbookSegmentQuery = segmentQuery; // for tests and the benchmark

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      message = Object.assign({}, message, { data: segmentQuery(message.data) });
    }
    return post.apply(this, [message].concat([].slice.call(arguments, 1)));
  };
})();
