/* 销售作战手册 — deal data in the browser (localStorage), versioned, never lost.
 *
 * The shape is described and checked in pb-shape.js; two copies are merged by pb-merge.js.
 *
 * Rules:
 *   - every change is written at once, into a fresh read of storage (read, merge, write), so
 *     a change another tab made meanwhile is kept; when another tab writes, this one merges
 *     it in (and writes the merge back if the other tab's copy lacked something);
 *   - data that cannot be read (not JSON, a wrong shape, a newer version) is never
 *     overwritten: the page keeps working in memory for this session and says what is wrong;
 *   - storage that is full is not storage that is forbidden: while full, the deals are shown
 *     and changes that do not fit are undone on screen, with the way out (export, delete);
 *   - the current deal is this tab's own choice (sessionStorage); the stored `current` is
 *     only where a new tab starts.
 */
(function () {
  "use strict";
  var PB = (window.PB = window.PB || {});
  var KEY = "playbook.deals";
  var TAB_KEY = "playbook.current";
  var PROBE = "playbook.probe";
  // A store with less room than this left is called full: one more note would not fit.
  var PROBE_SIZE = 2048;
  var VERSION = 1;
  var FORMAT = "sales-playbook-deals";

  var MESSAGES = {
    unavailable:
      "浏览器不允许本站保存数据（可能是隐私模式或设置禁止了本地存储）。本次打开期间的勾选和填写仍然有效，但关闭页面后不会保留；需要保留请先导出。",
    full: "浏览器存储空间已满：商机照常显示，但新的勾选和填写保存不了（刚才的修改已撤回）。请到“我的商机”页导出，再删除不用的商机后继续。",
    corrupt:
      "本地保存的商机数据已损坏，无法读取（{why}）。原数据保持原样，没有被覆盖；本次的修改只在当前打开期间有效。可以在“我的商机”页下载原始数据交给管理员恢复。",
    newer: "本地数据来自更新版本的手册，这一版无法读取。原数据保持原样，没有被覆盖；请刷新页面或使用最新版本的手册。",
  };

  /**
   * Upgrades from older versions: MIGRATIONS[n] turns version n into n + 1. Each checks
   * what it needs and throws an Error whose message says what is wrong.
   * @type {Object<number, (data: any) => any>}
   */
  var MIGRATIONS = {
    0: function (data) {
      // version 0 (unversioned draft): deals were a list
      if (!Array.isArray(data.deals)) throw new Error("版本 0 的 deals 应是一个列表");
      var deals = PB.map();
      data.deals.forEach(function (/** @type {any} */ deal, /** @type {number} */ i) {
        if (!deal || typeof deal !== "object" || typeof deal.id !== "string")
          throw new Error("版本 0 的第 " + (i + 1) + " 个商机没有 id");
        deals[deal.id] = deal;
      });
      return { version: 1, current: data.current || null, deals: deals };
    },
  };

  /**
   * @typedef {{status: string, message: string, persistent: boolean, raw: string|null, data: any}} State
   * persistent: whether changes go to storage (false: this session only, storage untouched)
   */
  /** @type {Array<(state: State) => void>} */
  var listeners = [];
  /** @type {State} */
  var state = { status: "ok", message: "", persistent: true, raw: null, data: empty() };
  /** The store as this tab last read or wrote it: the base of every merge. */
  var base = empty();

  function empty() {
    return { version: VERSION, current: null, deals: PB.map(), removed: PB.map() };
  }
  function now() {
    return new Date().toISOString();
  }

  /** A deep copy that keeps every object prototype-less. @param {any} value @returns {any} */
  function copy(value) {
    if (Array.isArray(value)) return value.map(copy);
    if (value && typeof value === "object") {
      var out = PB.map();
      Object.keys(value).forEach(function (key) {
        out[key] = copy(value[key]);
      });
      return out;
    }
    return value;
  }

  /** @returns {Storage|null} localStorage, or null when it is blocked */
  function storage() {
    var blocked = /** @type {any} */ (window).PB_STORAGE_BLOCKED;
    if (blocked && blocked.localStorage) return null; // pb-guard.js put a stand-in there
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  }

  /** @param {any} error */
  function isQuota(error) {
    return (
      !!error &&
      (error.name === "QuotaExceededError" ||
        error.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
        error.code === 22 ||
        error.code === 1014)
    );
  }

  /**
   * Data of any version, upgraded and checked.
   * @param {any} data
   * @returns {{data: any, kind: string, why: string, upgraded: boolean}} kind: ok, corrupt or newer
   */
  function upgrade(data) {
    var version = PB.versionOf(data);
    if (version.error) return { data: null, kind: "corrupt", why: version.error, upgraded: false };
    if (version.version > VERSION) return { data: null, kind: "newer", why: "", upgraded: false };
    var upgraded = version.version < VERSION;
    try {
      while (data.version < VERSION) data = MIGRATIONS[data.version](data);
    } catch (error) {
      return { data: null, kind: "corrupt", why: /** @type {Error} */ (error).message, upgraded: false };
    }
    var checked = PB.checkStore(data);
    if (checked.errors.length) return { data: null, kind: "corrupt", why: checked.errors.join("；"), upgraded: false };
    return { data: checked.data, kind: "ok", why: "", upgraded: upgraded };
  }

  /**
   * What is in storage now.
   * @returns {{kind: string, data: any, raw: string|null, why: string, upgraded: boolean}}
   *   kind: ok, empty, unavailable, corrupt or newer
   */
  function readStored() {
    var ls = storage();
    var raw;
    try {
      if (!ls) throw new Error("blocked");
      raw = ls.getItem(KEY);
    } catch {
      return { kind: "unavailable", data: null, raw: null, why: "", upgraded: false };
    }
    if (raw === null) return { kind: "empty", data: empty(), raw: null, why: "", upgraded: false };
    var parsed;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { kind: "corrupt", data: null, raw: raw, why: "不是有效的 JSON", upgraded: false };
    }
    var result = upgrade(parsed);
    return { kind: result.kind, data: result.data, raw: raw, why: result.why, upgraded: result.upgraded };
  }

  /** Can one more small change be written? @returns {string} ok, full or unavailable */
  function probe() {
    var ls = storage();
    if (!ls) return "unavailable";
    try {
      ls.setItem(PROBE, new Array(PROBE_SIZE + 1).join("x"));
      ls.removeItem(PROBE);
      return "ok";
    } catch (error) {
      try {
        ls.removeItem(PROBE);
      } catch {
        /* nothing was written */
      }
      return isQuota(error) ? "full" : "unavailable";
    }
  }

  /** @param {string} status @param {string} [why] */
  function setStatus(status, why) {
    state.status = status;
    state.message = status === "ok" ? "" : MESSAGES[/** @type {"full"} */ (status)].replace("{why}", why || "");
    state.persistent = status === "ok" || status === "full";
  }

  function tabCurrent() {
    try {
      return window.sessionStorage.getItem(TAB_KEY);
    } catch {
      return null;
    }
  }

  function load() {
    var stored = readStored();
    state.raw = stored.raw;
    if (stored.kind !== "ok" && stored.kind !== "empty") {
      state.data = empty();
      base = empty();
      setStatus(stored.kind, stored.why);
      return;
    }
    state.data = stored.data;
    base = copy(stored.data);
    var mine = tabCurrent();
    if (mine && state.data.deals[mine]) state.data.current = mine;
    setStatus(probe() === "full" ? "full" : "ok");
    if (stored.upgraded) write(state.data);
  }

  /**
   * Write the whole store. The stored `current` is where a new tab starts.
   * @param {any} data @returns {boolean} whether it was written
   */
  function write(data) {
    var ls = storage();
    try {
      if (!ls) throw new Error("unavailable");
      ls.setItem(KEY, JSON.stringify(data));
    } catch (error) {
      setStatus(isQuota(error) ? "full" : "unavailable");
      return false;
    }
    if (state.status === "full" && probe() === "ok") setStatus("ok");
    return true;
  }

  function notify() {
    listeners.forEach(function (fn) {
      try {
        fn(state);
      } catch (error) {
        console.warn(error);
      }
    });
  }

  /**
   * Apply one change: to a fresh read of storage merged with this tab's data, then write.
   * If it cannot be written (storage full), the change is undone here too.
   * @param {(data: any) => void} change
   * @returns {boolean} whether the change was kept
   */
  function commit(change) {
    if (!state.persistent) {
      change(state.data);
      notify();
      return true;
    }
    var fresh = readStored();
    if (fresh.kind !== "ok" && fresh.kind !== "empty") {
      // Something unreadable appeared meanwhile: never overwrite it; go on in memory.
      state.raw = fresh.raw;
      setStatus(fresh.kind, fresh.why);
      change(state.data);
      notify();
      return true;
    }
    var merged = PB.mergeStores(base, state.data, fresh.data);
    var next = copy(merged);
    change(next);
    var kept = write(next);
    state.data = kept ? next : merged;
    base = kept ? copy(next) : fresh.data;
    notify();
    return kept;
  }

  /** Another tab wrote: merge its data into ours, and write back what its copy lacked. */
  function sync() {
    if (!state.persistent) {
      load();
      notify();
      return;
    } // maybe the other tab repaired it
    var fresh = readStored();
    if (fresh.kind !== "ok" && fresh.kind !== "empty") {
      state.raw = fresh.raw;
      setStatus(fresh.kind, fresh.why);
      notify();
      return;
    }
    var merged = PB.mergeStores(base, state.data, fresh.data);
    base = fresh.data;
    state.data = merged;
    var stored = Object.assign(PB.map(), merged, { current: fresh.data.current });
    if (PB.canonical(stored) !== PB.canonical(fresh.data) && write(stored)) base = copy(stored);
    notify();
  }

  function newId() {
    return "d-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 7);
  }

  /** @param {any} deal */
  function touch(deal) {
    deal.updated = now();
  }

  /** @param {string} text */
  function key(text) {
    return String(text || "").trim();
  }

  /**
   * Which stored deal each imported deal replaces: the one with its id, else the one with
   * the same customer and deal name (an export from another browser of the same deal).
   * @param {any} deals imported deals by id
   * @returns {Object<string, string|null>} imported id → stored id (null: a new deal)
   */
  function matchImport(deals) {
    var mine = state.data.deals;
    var taken = PB.map();
    var match = PB.map();
    Object.keys(deals).forEach(function (id) {
      if (mine[id]) {
        match[id] = id;
        taken[id] = true;
      }
    });
    Object.keys(deals).forEach(function (id) {
      if (id in match) return;
      var incoming = deals[id];
      var same = Object.keys(mine).filter(function (local) {
        return (
          !taken[local] &&
          key(mine[local].name) === key(incoming.name) &&
          key(mine[local].customer) === key(incoming.customer)
        );
      });
      match[id] = same.length === 1 ? same[0] : null;
      if (match[id]) taken[/** @type {string} */ (match[id])] = true;
    });
    return match;
  }

  var api = {
    FORMAT: FORMAT,
    VERSION: VERSION,
    state: function () {
      return state;
    },
    /** @param {(state: State) => void} fn */
    onChange: function (fn) {
      listeners.push(fn);
    },
    reload: function () {
      load();
      notify();
    },
    /** All deals, most recently changed first. */
    deals: function () {
      return Object.keys(state.data.deals)
        .map(function (id) {
          return state.data.deals[id];
        })
        .sort(function (/** @type {any} */ a, /** @type {any} */ b) {
          return a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0;
        });
    },
    /** @param {string} id */
    deal: function (id) {
      return state.data.deals[id] || null;
    },
    current: function () {
      return (state.data.current && state.data.deals[state.data.current]) || null;
    },
    /** @param {string} id */
    setCurrent: function (id) {
      state.data.current = id;
      try {
        window.sessionStorage.setItem(TAB_KEY, id);
      } catch {
        /* this tab only, then */
      }
      commit(function (data) {
        data.current = id;
      });
    },
    /** @param {{name?: string, customer?: string, owner?: string, mode?: string}} fields @returns {any} the new deal, or null */
    create: function (fields) {
      var id = newId();
      var time = now();
      var previous = state.data.current;
      state.data.current = id;
      var kept = commit(function (data) {
        data.deals[id] = {
          id: id,
          name: key(fields.name) || "未命名商机",
          customer: key(fields.customer),
          owner: key(fields.owner),
          mode: fields.mode || "",
          created: time,
          updated: time,
          archived: false,
          checks: PB.map(),
          forms: PB.map(),
        };
        data.current = id;
      });
      if (!kept) {
        state.data.current = previous;
        notify();
        return null;
      }
      try {
        window.sessionStorage.setItem(TAB_KEY, id);
      } catch {
        /* this tab only, then */
      }
      return state.data.deals[id];
    },
    /** @param {string} id @param {Object<string, any>} fields */
    update: function (id, fields) {
      return commit(function (data) {
        var deal = data.deals[id];
        if (!deal) return;
        ["name", "customer", "owner", "mode", "archived"].forEach(function (field) {
          if (field in fields) deal[field] = fields[field];
        });
        touch(deal);
      });
    },
    /** @param {string} id */
    remove: function (id) {
      return commit(function (data) {
        delete data.deals[id];
        data.removed[id] = now();
        if (data.current === id) data.current = null;
      });
    },
    /** @param {string} checklist @param {string} item */
    check: function (checklist, item) {
      var deal = api.current();
      return (deal && deal.checks[checklist] && deal.checks[checklist][item]) || null;
    },
    /** @param {string} checklist @param {string} item @param {{done?: boolean, note?: string}} changes */
    setCheck: function (checklist, item, changes) {
      var id = state.data.current;
      if (!api.current()) return false;
      return commit(function (data) {
        var deal = data.deals[id];
        if (!deal) return;
        var list = (deal.checks[checklist] = deal.checks[checklist] || PB.map());
        var entry = (list[item] = list[item] || { done: false, note: "" });
        Object.assign(entry, changes, { at: now() });
        touch(deal);
      });
    },
    // An item renamed in the content keeps its state: move it from an old id once.
    /** @param {string} checklist @param {string} item @param {string[]} oldIds */
    adoptRenamed: function (checklist, item, oldIds) {
      /** @param {any} data */
      function move(data) {
        var changed = false;
        Object.keys(data.deals).forEach(function (id) {
          var list = data.deals[id].checks[checklist];
          if (!list || list[item]) return;
          oldIds.forEach(function (old) {
            if (list[old] && !list[item]) {
              list[item] = list[old];
              delete list[old];
              changed = true;
            }
          });
        });
        return changed;
      }
      if (move(copy(state.data))) commit(move);
    },
    /** @param {string} template */
    formValues: function (template) {
      var deal = api.current();
      return (deal && deal.forms[template]) || PB.map();
    },
    /** @param {string} template @param {Object<string, any>} values field id → value */
    setFields: function (template, values) {
      var id = state.data.current;
      if (!api.current()) return false;
      return commit(function (data) {
        var deal = data.deals[id];
        if (!deal) return;
        var form = (deal.forms[template] = deal.forms[template] || PB.map());
        Object.keys(values).forEach(function (field) {
          form[field] = copy(values[field]);
        });
        touch(deal);
      });
    },
    /** @param {string} template @param {string} field @param {any} value */
    setField: function (template, field, value) {
      var values = PB.map();
      values[field] = value;
      return api.setFields(template, values);
    },
    // Export / import ------------------------------------------------------
    /** @param {string[]|null} [ids] */
    exportData: function (ids) {
      var deals = {};
      (ids || Object.keys(state.data.deals)).forEach(function (id) {
        if (state.data.deals[id])
          Object.defineProperty(deals, id, {
            value: JSON.parse(JSON.stringify(state.data.deals[id])),
            enumerable: true,
          });
      });
      return { format: FORMAT, version: VERSION, exported: now(), deals: deals };
    },
    /**
     * Read an exported file. Never touches stored data.
     * @param {string} text @returns {{deals?: any, error?: string}}
     */
    parseImport: function (text) {
      var unchanged = "现有数据没有改动。";
      var data;
      try {
        data = JSON.parse(text);
      } catch {
        return { error: "文件不是有效的 JSON，无法导入。" + unchanged };
      }
      if (!data || data.format !== FORMAT) return { error: "这不是销售作战手册导出的商机文件，无法导入。" + unchanged };
      var result = upgrade({ version: data.version, deals: data.deals, current: null });
      if (result.kind === "newer") return { error: "文件来自更新版本的手册，这一版无法导入。" + unchanged };
      if (result.kind !== "ok") return { error: "文件里的商机数据有误，无法导入：" + result.why + "。" + unchanged };
      return { deals: result.data.deals };
    },
    /**
     * What an import would do, deal by deal: 新增, 相同, 覆盖 (by id or by customer and name), 删除.
     * @param {any} deals @param {string} mode merge or replace
     */
    previewImport: function (deals, mode) {
      var match = matchImport(deals);
      /** @type {Array<{id: string, name: string, customer: string, change: string}>} */
      var rows = [];
      Object.keys(deals).forEach(function (id) {
        var local = match[id] ? state.data.deals[/** @type {string} */ (match[id])] : null;
        var change = !local
          ? "新增"
          : local.id === id && PB.canonical(local) === PB.canonical(deals[id])
            ? "相同"
            : "覆盖";
        rows.push({ id: id, name: deals[id].name, customer: deals[id].customer, change: change });
      });
      if (mode === "replace") {
        var replaced = PB.map();
        Object.keys(match).forEach(function (id) {
          if (match[id]) replaced[/** @type {string} */ (match[id])] = true;
        });
        Object.keys(state.data.deals).forEach(function (id) {
          if (!replaced[id])
            rows.push({
              id: id,
              name: state.data.deals[id].name,
              customer: state.data.deals[id].customer,
              change: "删除",
            });
        });
      }
      return rows;
    },
    /** @param {any} deals @param {string} mode merge or replace @returns {boolean} */
    applyImport: function (deals, mode) {
      var match = matchImport(deals);
      var time = now();
      return commit(function (data) {
        // Replace drops every deal the file does not have; merge drops only the deals that an
        // imported deal of the same customer and name (but another id) takes the place of.
        var drop =
          mode === "replace"
            ? Object.keys(data.deals).filter(function (local) {
                return !(local in deals);
              })
            : Object.keys(match)
                .filter(function (id) {
                  return match[id] && match[id] !== id;
                })
                .map(function (id) {
                  return match[id];
                });
        drop.forEach(function (/** @type {any} */ local) {
          delete data.deals[local];
          data.removed[local] = time;
        });
        Object.keys(deals).forEach(function (id) {
          var deal = copy(deals[id]);
          // A deal deleted here earlier comes back: newer than its deletion, in every tab.
          if (data.removed[id] && data.removed[id] >= deal.updated) {
            deal.updated = time;
            delete data.removed[id];
          }
          data.deals[id] = deal;
        });
        if (!data.deals[data.current]) data.current = Object.keys(data.deals)[0] || null;
        state.data.current = data.current;
      });
    },
    // Only when the user asks: give up unreadable data and start storing again.
    discardUnreadable: function () {
      var ls = storage();
      if (!ls) return false;
      try {
        ls.removeItem(KEY);
      } catch {
        return false;
      }
      var memory = state.data;
      state.raw = null;
      setStatus("ok");
      base = empty();
      var kept = write(memory);
      notify();
      return kept;
    },
  };

  load();
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) sync();
  });
  PB.store = api;
})();
