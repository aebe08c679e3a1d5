/* 销售作战手册 — search engine: query understanding and ranking over the index that
 * macros/search/build.py writes at build time (search/pb-index.js).
 *
 * Runs inside the search worker and, opened from file://, on the page. No DOM here.
 * segment() is the twin of macros/search/segment.py (a browser test checks they agree).
 */
(function (root) {
  "use strict";
  var SITE_COST = 9,
    WORD_COST = 10,
    CHAR_COST = 15,
    MAX_WORD = 12;
  var RUN = /[\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+/g;
  var HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]/;
  // Weights of the ways a page can match one query word.
  var SELF = 1,
    SYNONYM = 0.75,
    PART = 0.45,
    PIECE = 0.6,
    CONTAINS = 0.35,
    PREFIX = 0.6,
    WEAK = 0.04;
  // A long word may match as its shorter words together (第一次拜访 → 首次 + 拜访).
  var SPLIT = 0.8;
  // An alias or question holding most of the query's words is strong evidence.
  var PHRASE_BOOST = 1.0,
    PHRASE_MIN = 0.5,
    PHRASE_POOL = 60;
  // A page named by one of the query's words (its title or an alias): about that part of it.
  var NAME_PART = 0.3;
  var INTENT_BOOST = 1.6,
    NUMBER_BOOST = 1.4;
  // Exact matches first: a page's title, then a glossary entry's title (a definition), then an alias;
  // a glossary title goes after a page's alias unless the question asks for a definition.
  var EXACT_TITLE = 1e7,
    EXACT_TERM = 7e6,
    EXACT_ALIAS = 5e6,
    EXACT_TERM_AFTER_ALIAS = 4.5e6,
    EXACT_QUESTION = 2e6,
    REWORDED = 1e5; // a name matched through a synonym ranks this far below the same name typed
  var NUMBER = /[0-9０-９]|[一二两三四五六七八九十百半]+\s*(次|天|个|周|月|年|轮|步|分钟|小时|成|%)/;
  var hasOwn = Object.prototype.hasOwnProperty;

  function normalise(text) {
    return String(text)
      .normalize("NFKC")
      .replace(/\u200b/g, "")
      .toLowerCase();
  }
  // Titles, aliases and questions compare without spaces and punctuation.
  function key(text) {
    text = String(text);
    if (PLAIN.test(text)) return text.toLowerCase().replace(NOT_KEPT, "");
    return normalise(text).replace(/[^\p{L}\p{N}]+/gu, "");
  }
  // Most names are CJK ideographs, ASCII and punctuation that NFKC keeps or turns into other
  // punctuation: their key is the same without NFKC, twice as fast (the engine's constructor
  // keys every title, alias and question). macros/search/build.py browser_key is this rule.
  var PLAIN =
    /^[\u4e00-\u9fefa-zA-Z0-9 \t\n\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\u00b7\u00d7\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u3001\u3002\u3008-\u3011\u3014-\u301b\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65]*$/;
  var NOT_KEPT = /[^\u4e00-\u9fefa-z0-9]+/g;
  // ... and, as a second chance, without particles and 太 / 很 (决策流程太长 = 决策流程长).
  var PARTICLES = /[的了吗呢啊吧呀嘛太很]/g;
  function loose(text) {
    return key(text).replace(PARTICLES, "");
  }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // ------------------------------------------------------------------ segmentation

  // known(word) → whether the vocabulary has it; site: Set of site words;
  // functionChars: characters that carry grammar (macros/search/segment.py FUNCTION_CHARS).
  function Segmenter(known, site, functionChars) {
    this.known = known;
    this.site = site;
    this.function = new Set(functionChars);
  }

  Segmenter.prototype.tokens = function (text) {
    var out = [];
    var runs = normalise(text).match(RUN) || [];
    for (var r = 0; r < runs.length; r++) {
      if (HAN.test(runs[r])) this.han(runs[r], out);
      else out.push({ text: runs[r], piece: false });
    }
    return out;
  };

  // exclude: a word not to use (to split a long word into the words inside it).
  Segmenter.prototype.han = function (run, out, exclude) {
    var size = run.length;
    var cost = new Array(size + 1),
      first = new Array(size + 1);
    cost[size] = 0;
    first[size] = 0;
    for (var start = size - 1; start >= 0; start--) {
      var best = cost[start + 1] + CHAR_COST,
        length = 1;
      for (var l = Math.min(MAX_WORD, size - start); l >= 2; l--) {
        var word = run.slice(start, start + l);
        if (word !== exclude && this.known(word)) {
          var c = cost[start + l] + (this.site.has(word) ? SITE_COST : WORD_COST);
          if (c < best) {
            best = c;
            length = l;
          }
        }
      }
      cost[start] = best;
      first[start] = length;
    }
    var loose = "";
    for (var i = 0; i < size; i += first[i]) {
      if (first[i] === 1) {
        loose += run[i];
        continue;
      }
      this.pieces(loose, out);
      loose = "";
      out.push({ text: run.slice(i, i + first[i]), piece: false });
    }
    this.pieces(loose, out);
  };

  Segmenter.prototype.pieces = function (loose, out) {
    for (var i = 0; i + 1 < loose.length; i++) {
      if (this.function.has(loose[i]) || this.function.has(loose[i + 1])) continue;
      out.push({ text: loose.slice(i, i + 2), piece: true });
    }
  };

  Segmenter.prototype.parts = function (word) {
    var found = [];
    if (word.length < 3 || !HAN.test(word)) return found;
    for (var size = word.length - 1; size >= 2; size--) {
      for (var s = 0; s + size <= word.length; s++) {
        var part = word.slice(s, s + size);
        if (this.known(part) && found.indexOf(part) < 0) found.push(part);
      }
    }
    return found;
  };

  // ------------------------------------------------------------------ the engine

  function Engine(index) {
    var self = this;
    this.index = index;
    this.terms = index.terms;
    this.words = Object.keys(index.terms);
    this.site = new Set(index.site);
    this.weak = new Set(index.weak);
    this.cues = new Set(); // the weak words that ask for a kind of page (怎么说, 是什么)
    index.intents.forEach(function (intent) {
      intent.cues.forEach(function (cue) {
        self.cues.add(cue);
      });
    });
    this.synonyms = new Map();
    index.synonyms.forEach(function (group) {
      group.forEach(function (word) {
        self.synonyms.set(word, group);
      });
    });
    this.segmenter = new Segmenter(
      function (word) {
        return hasOwn.call(self.terms, word) || self.site.has(word);
      },
      this.site,
      index.function,
    );
    this.cache = new Map(); // word → decoded postings
    this.lines = new Map(); // doc → its aliases and questions, normalised
    this.sentences = new Map(); // doc → [[sentence, normalised]] of its loaded text
    this.exact = new Map(); // key(title/alias/question) → [[doc, bonus]]
    this.definitions = new Map(); // doc → the glossary entries that point to it
    this.loose = new Map(); // loose(title/alias/question) → [[doc, bonus]], where it differs from key()
    index.docs.forEach(function (doc, number) {
      if (doc[2] === "term")
        doc[6].forEach(function (target) {
          if (!self.definitions.has(target)) self.definitions.set(target, []);
          self.definitions.get(target).push(number);
        });
      function add(text, bonus) {
        var k = key(text);
        if (!k) return;
        if (!self.exact.has(k)) self.exact.set(k, []);
        self.exact.get(k).push([number, bonus]);
        var l = loose(text);
        if (l && l !== k) {
          if (!self.loose.has(l)) self.loose.set(l, []);
          self.loose.get(l).push([number, bonus]);
        }
      }
      var level = doc[2] === "term" ? EXACT_TERM : EXACT_TITLE;
      add(doc[1], level);
      doc[4].forEach(function (alias) {
        add(alias, EXACT_ALIAS);
      });
      // The same names by their topic words only, for a query framed by weak words (异议是啥).
      var keys = (index.keys || [])[number];
      if (keys) {
        if (keys[0] && keys[0] !== key(doc[1])) add(keys[0], level);
        keys[1].forEach(function (k, i) {
          if (k && k !== key(doc[4][i])) add(k, EXACT_ALIAS);
        });
      }
      doc[5].forEach(function (question) {
        add(question, EXACT_QUESTION);
      });
    });
  }

  // A word's postings: the numbers gap, score, gap, score … in 5-bit digits, most significant
  // first, a digit of 32 or more saying another follows (macros/search/build.py encode_postings).
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var DIGIT = new Int8Array(128);
  for (var digitValue = 0; digitValue < DIGITS.length; digitValue++) DIGIT[DIGITS.charCodeAt(digitValue)] = digitValue;

  Engine.prototype.postings = function (word) {
    var hit = this.cache.get(word);
    if (hit) return hit;
    var text = hasOwn.call(this.terms, word) ? this.terms[word] : "";
    var numbers = 0,
      i;
    for (i = 0; i < text.length; i++) if (DIGIT[text.charCodeAt(i)] < 32) numbers++;
    var docs = new Int32Array(numbers >> 1),
      scores = new Float64Array(numbers >> 1),
      doc = 0,
      value = 0,
      n = 0;
    for (i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      value = value * 32 + (digit & 31);
      if (digit >= 32) continue;
      if (n & 1) scores[n >> 1] = value / 100;
      else {
        doc += value;
        docs[n >> 1] = doc;
      }
      n++;
      value = 0;
    }
    hit = { docs: docs, scores: scores };
    this.cache.set(word, hit);
    return hit;
  };

  Engine.prototype.segment = function (text) {
    return this.segmenter.tokens(text);
  };

  // Each word with what may stand for it: its synonyms, the words inside it and, for a
  // word the index does not know (or the one being typed), the indexed words around it.
  Engine.prototype.alternatives = function (token, last) {
    var self = this;
    var alternatives = new Map();
    function add(word, weight) {
      if (hasOwn.call(self.terms, word) && !(alternatives.get(word) >= weight)) alternatives.set(word, weight);
    }
    add(token.text, token.piece ? PIECE : SELF);
    (this.synonyms.get(token.text) || []).forEach(function (word) {
      add(word, SYNONYM);
    });
    this.segmenter.parts(token.text).forEach(function (word) {
      add(word, PART);
    });
    var known = hasOwn.call(this.terms, token.text);
    if (!known || last || !HAN.test(token.text)) {
      var found = 0;
      for (var i = 0; i < this.words.length && found < 30; i++) {
        var word = this.words[i];
        if (word === token.text || word.length > token.text.length + 8) continue;
        var at = word.indexOf(token.text);
        if (at === 0 && (last || !HAN.test(token.text))) {
          add(word, PREFIX);
          found++;
        } else if (at > 0 && !known) {
          add(word, CONTAINS);
          found++;
        }
      }
    }
    return alternatives;
  };

  Engine.prototype.split = function (token) {
    if (token.piece || token.text.length < 3 || !HAN.test(token.text)) return null;
    var inside = [];
    this.segmenter.han(token.text, inside, token.text);
    inside = inside.filter(function (t) {
      return !t.piece;
    });
    if (inside.length < 2) return null;
    var self = this;
    return inside.map(function (t) {
      return { token: t.text, alternatives: self.alternatives(t, false) };
    });
  };

  // The query as groups of alternatives: each content word with its synonyms, parts and,
  // for a word the index does not know, the indexed words that contain it.
  Engine.prototype.understand = function (query) {
    var self = this;
    var text = normalise(query);
    var tokens = this.segment(text);
    var content = tokens.filter(function (t) {
      return !self.weak.has(t.text);
    });
    var weak = tokens.filter(function (t) {
      return self.weak.has(t.text);
    });
    if (!content.length) {
      content = weak;
      weak = [];
    }
    var typing = !/\s$/.test(query);
    var groups = content
      .map(function (token, position) {
        var last = typing && position === content.length - 1;
        return { token: token.text, alternatives: self.alternatives(token, last), split: self.split(token) };
      })
      .filter(function (group) {
        return group.alternatives.size || group.split;
      }); // unmatchable words do not count
    var intents = this.index.intents
      .filter(function (intent) {
        return (
          intent.cues.some(function (cue) {
            return text.indexOf(cue) >= 0;
          }) ||
          (intent.end || []).some(function (cue) {
            return text.replace(/[\s?？!！。]+$/, "").slice(-cue.length) === cue;
          }) ||
          (intent.text || []).some(function (cue) {
            return text.indexOf(cue) >= 0;
          })
        );
      })
      .map(function (intent) {
        return intent.kind;
      });
    var topic = tokens.some(function (t) {
      return t.piece;
    })
      ? ""
      : tokens
          .filter(function (t) {
            return !self.weak.has(t.text);
          })
          .map(function (t) {
            return t.text;
          })
          .join("");
    return {
      text: text,
      key: key(query),
      topic: topic,
      groups: groups,
      weak: weak.map(function (t) {
        return t.text;
      }),
      intents: intents,
    };
  };

  // Pages ranked for a query: [{doc, score, exact}], best first.
  Engine.prototype.rank = function (query, limit) {
    var q = this.understand(query);
    var count = this.index.docs.length;
    var total = new Float64Array(count),
      matched = new Uint8Array(count);
    var self = this;
    function bestOf(alternatives) {
      var best = new Map();
      alternatives.forEach(function (weight, word) {
        var list = self.postings(word);
        for (var i = 0; i < list.docs.length; i++) {
          var value = weight * list.scores[i];
          if (!(best.get(list.docs[i]) >= value)) best.set(list.docs[i], value);
        }
      });
      return best;
    }
    q.groups.forEach(function (group) {
      var best = bestOf(group.alternatives);
      if (group.split) {
        var together = new Map();
        group.split.forEach(function (inner) {
          bestOf(inner.alternatives).forEach(function (value, doc) {
            together.set(doc, (together.get(doc) || 0) + value);
          });
        });
        together.forEach(function (value, doc) {
          if (!(best.get(doc) >= SPLIT * value)) best.set(doc, SPLIT * value);
        });
      }
      best.forEach(function (value, doc) {
        total[doc] += value;
        matched[doc] += 1;
      });
    });
    q.weak.forEach(function (word) {
      var list = self.postings(word);
      for (var i = 0; i < list.docs.length; i++)
        if (total[list.docs[i]] > 0 || !q.groups.length) total[list.docs[i]] += WEAK * list.scores[i];
    });
    var kinds = new Set(q.intents);
    var results = /** @type {any} */ ([]); // an array of hits that also carries its query
    var groups = q.groups.length || 1;
    for (var doc = 0; doc < count; doc++) {
      if (total[doc] <= 0) continue;
      var coverage = matched[doc] / groups;
      var score = total[doc] * (0.3 + 0.7 * coverage);
      // The kind asked for, with its usual handicap lifted (glossary entries weigh 0.2).
      if (kinds.has(this.index.docs[doc][2])) score *= INTENT_BOOST / Math.min(1, this.index.docs[doc][7]);
      results.push({ doc: doc, score: score, exact: 0 });
    }
    function exact(doc, bonus) {
      var found = results.find(function (r) {
        return r.doc === doc;
      });
      if (!found) {
        found = { doc: doc, score: 0, exact: 0 };
        results.push(found);
      }
      found.exact = Math.max(found.exact, bonus);
    }
    // By topic words when nothing but stray characters was dropped (ARPU值), when the dropped
    // words ask for this kind of page (异议是啥 → the glossary; 续约怎么谈 → a script, not 续约's
    // technique), or when they are framing only (怎么让步 → 让步), though then not a glossary entry.
    var named = q.topic && q.topic !== q.key ? this.exact.get(q.topic) || [] : [];
    var asks = q.weak.some(function (word) {
      return self.cues.has(word);
    });
    var byTopic = named.filter(function (hit) {
      var kind = self.index.docs[hit[0]][2];
      return kinds.has(kind) || !q.weak.length || (!asks && kind !== "term");
    });
    // A definition asked for by a page's other name (快刀是啥, 快刀 being 快刀模式's alias):
    // the glossary entry that points to that page.
    if (kinds.has("term") && !byTopic.length)
      named.forEach(function (hit) {
        (self.definitions.get(hit[0]) || []).forEach(function (term) {
          byTopic.push([term, EXACT_ALIAS]);
        });
      });
    var hits = (this.exact.get(q.key) || this.exact.get(loose(query)) || this.loose.get(loose(query)) || []).concat(
      byTopic,
      this.reworded(q),
    );
    // A page that has the query as an alias is the page about that thing (SPIN → SPIN 提问);
    // a glossary entry of that name defines it and comes right after it, unless the question
    // asks for a definition (SPIN 是什么).
    var taught =
      !kinds.has("term") &&
      hits.some(function (hit) {
        return hit[1] === EXACT_ALIAS && self.index.docs[hit[0]][2] !== "term";
      });
    hits.forEach(function (hit) {
      exact(hit[0], taught && hit[1] === EXACT_TERM ? EXACT_TERM_AFTER_ALIAS : hit[1]);
      // A glossary entry named exactly: the pages it points to come right after it.
      self.index.docs[hit[0]][6].forEach(function (doc, order) {
        exact(doc, EXACT_QUESTION - 1 - order);
      });
    });
    results.sort(function (a, b) {
      return b.score - a.score || a.doc - b.doc;
    });
    if (q.groups.length >= 2) {
      results.slice(0, PHRASE_POOL).forEach(function (r) {
        var best = 0;
        self.namesOf(r.doc).forEach(function (line) {
          best = Math.max(best, self.fit(line, q).covered);
        });
        if (best >= PHRASE_MIN) r.score *= 1 + PHRASE_BOOST * best;
      });
    }
    // A page named by one of the query's words (丢单复盘: 复盘 is 复盘与优化's alias) is about that part.
    if (q.groups.length >= 2) {
      // ... or by one of its words' synonyms (翻盘 for 还能救), as a synonym counts: less.
      var namedBy = new Map();
      q.groups.forEach(function (group) {
        [group.token].concat(self.synonyms.get(group.token) || []).forEach(function (word) {
          var weight = word === group.token ? 1 : SYNONYM;
          (self.exact.get(key(word)) || []).forEach(function (hit) {
            if (hit[1] >= EXACT_ALIAS && !(namedBy.get(hit[0]) >= weight)) namedBy.set(hit[0], weight);
          });
        });
      });
      results.forEach(function (r) {
        if (namedBy.has(r.doc)) r.score *= 1 + NAME_PART * namedBy.get(r.doc);
      });
    }
    results.forEach(function (r) {
      r.score += r.exact;
    });
    results.sort(function (a, b) {
      return b.score - a.score || a.doc - b.doc;
    });
    results.query = q;
    return limit ? cut(results, limit) : results;
  };

  // A name that equals the query once one of its words is put in the thesaurus's other words
  // (陌拜开场 → 陌生拜访开场): just below the names the query equals as typed.
  Engine.prototype.reworded = function (q) {
    var self = this;
    var found = [];
    var words = q.groups.map(function (group) {
      return group.token;
    });
    if (!q.weak.length && words.length >= 2 && words.length <= 4 && words.join("") === q.key)
      words.forEach(function (word, i) {
        (self.synonyms.get(word) || []).forEach(function (other) {
          if (other === word) return;
          var variant = words
            .slice(0, i)
            .concat([other], words.slice(i + 1))
            .join("");
          (self.exact.get(variant) || []).forEach(function (hit) {
            found.push([hit[0], hit[1] - REWORDED]);
          });
        });
      });
    return found;
  };

  function cut(results, limit) {
    var query = results.query;
    results = results.slice(0, limit);
    results.query = query;
    return results;
  }

  // ------------------------------------------------------------------ why it matched

  // How well a line answers the query: the best weight of each query word found in it.
  Engine.prototype.namesOf = function (doc) {
    var lines = this.lines.get(doc);
    if (!lines) {
      var record = this.index.docs[doc];
      lines = record[4].concat(record[5], [record[1]]).map(normalise);
      this.lines.set(doc, lines);
    }
    return lines;
  };

  // covered: the share of the query's words found in it. text is normalised.
  Engine.prototype.fit = function (text, q) {
    var score = 0,
      words = [];
    function best(group) {
      var top = 0,
        hit = [];
      if (text.indexOf(group.token) >= 0) {
        top = SELF;
        hit = [group.token];
      }
      group.alternatives.forEach(function (weight, word) {
        if (weight > top && text.indexOf(word) >= 0) {
          top = weight;
          hit = [word];
        }
      });
      if (group.split && top < SPLIT) {
        var inner = group.split.map(best);
        var value =
          (SPLIT *
            inner.reduce(function (sum, x) {
              return sum + x.top;
            }, 0)) /
          inner.length;
        if (value > top) {
          top = value;
          hit = [].concat.apply(
            [],
            inner.map(function (x) {
              return x.hit;
            }),
          );
        }
      }
      return { top: top, hit: hit };
    }
    q.groups.forEach(function (group) {
      var found = best(group);
      if (found.top) {
        score += found.top;
        words.push.apply(words, found.hit);
      }
    });
    q.weak.forEach(function (word) {
      if (text.indexOf(word) >= 0) score += WEAK;
    });
    return { score: score, words: words, covered: q.groups.length ? score / q.groups.length : 0 };
  };

  // The line that says why a page matched: the alias or question, or the sentence stating the answer.
  Engine.prototype.reason = function (doc, q, sections, exact) {
    var record = this.index.docs[doc];
    var best = { score: 0, line: record[3], words: [], prefix: "" };
    if (exact >= EXACT_TITLE) return best;
    var self = this;
    var number = q.intents.indexOf("number") >= 0;
    function consider(line, prefix, bonus, normalised) {
      var fit = self.fit(normalised, q);
      var score = fit.score * bonus + (number && NUMBER.test(line) && fit.score ? 0.5 : 0);
      if (score > best.score)
        best = { score: score, line: line, words: fit.words, prefix: prefix, number: number && NUMBER.test(line) };
    }
    var names = this.namesOf(doc);
    record[4].forEach(function (alias, i) {
      consider(alias, "又称：", 1.2, names[i]);
    });
    record[5].forEach(function (question, i) {
      consider(question, "问：", 1.15, names[record[4].length + i]);
    });
    this.sentencesOf(doc, sections).forEach(function (pair) {
      consider(pair[0], "", 1, pair[1]);
    });
    return best;
  };

  Engine.prototype.sentencesOf = function (doc, sections) {
    var pairs = this.sentences.get(doc);
    if (!pairs) {
      pairs = [];
      (sections || []).forEach(function (section) {
        section[2].forEach(function (line) {
          if (line.length <= 160) pairs.push([line, normalise(line)]);
        });
      });
      if (sections) this.sentences.set(doc, pairs);
    }
    return pairs;
  };

  function mark(text, words) {
    var html = escapeHtml(text);
    var list = words.filter(Boolean).sort(function (a, b) {
      return b.length - a.length;
    });
    if (!list.length) return html;
    var pattern = new RegExp(
      "(" +
        list
          .map(function (w) {
            return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          })
          .join("|") +
        ")",
      "gi",
    );
    return html.replace(pattern, "<mark>$1</mark>");
  }

  // Material's result items: one list per page, its document first.
  Engine.prototype.items = function (results, texts, explained) {
    var self = this;
    var q = results.query;
    var scored = results.map(function (r, position) {
      var why = position < explained ? self.reason(r.doc, q, texts[r.doc], r.exact) : null;
      var score = why && why.number && !r.exact ? r.score * NUMBER_BOOST : r.score;
      return { r: r, why: why, score: score };
    });
    scored.sort(function (a, b) {
      return b.score - a.score || a.r.doc - b.r.doc;
    });
    return scored.map(function (entry) {
      var record = self.index.docs[entry.r.doc];
      var why = entry.why || { line: record[3], words: [], prefix: "" };
      var terms = {};
      why.words.forEach(function (w) {
        terms[w] = true;
      });
      return [
        {
          location: record[0],
          title: escapeHtml(record[1]),
          text:
            "<p>" +
            escapeHtml(why.prefix) +
            mark(why.line.length > 200 ? why.line.slice(0, 200) + "…" : why.line, why.words) +
            "</p>",
          score: entry.score,
          terms: terms,
        },
      ];
    });
  };

  root.PBSearch = { Engine: Engine, Segmenter: Segmenter, normalise: normalise, key: key, escapeHtml: escapeHtml };
})(typeof self !== "undefined" ? self : this);
