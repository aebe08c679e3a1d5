/* 销售作战手册 — deal data in the browser (localStorage), versioned, never lost.
 *
 * Data shape (version 1):
 *   { version: 1, current: dealId|null,
 *     deals: { id: { id, customer, name, owner, mode, created, updated, archived,
 *                    checks: { checklistId: { itemId: { done, note, at } } },
 *                    forms:  { templateId: { fieldId: value } } } } }
 *
 * Rules: every change is written at once; data that cannot be read (corrupt JSON,
 * a newer version, storage blocked) is never overwritten — the page keeps working in
 * memory for this session and says so plainly.
 */
(function () {
  "use strict";
  var KEY = "playbook.deals";
  var VERSION = 1;
  var FORMAT = "sales-playbook-deals";

  // Upgrades from older stored versions: MIGRATIONS[n] turns version n into n + 1.
  var MIGRATIONS = {
    0: function (data) { // version 0 (unversioned draft): deals were a list
      var deals = {};
      (data.deals || []).forEach(function (deal) { deals[deal.id] = deal; });
      return { version: 1, current: data.current || null, deals: deals };
    }
  };

  var listeners = [];
  var state = { status: "ok", message: "", persistent: true, raw: null, data: empty() };

  function empty() { return { version: VERSION, current: null, deals: {} }; }
  function now() { return new Date().toISOString(); }

  function storage() {
    try {
      var ls = window.localStorage;
      var probe = "playbook.probe";
      ls.setItem(probe, "1");
      ls.removeItem(probe);
      return ls;
    } catch (error) {
      return null;
    }
  }

  function isDeal(deal) {
    return deal && typeof deal === "object" && typeof deal.id === "string" && typeof deal.name === "string";
  }

  function validShape(data) {
    if (!data || typeof data !== "object" || typeof data.version !== "number") return false;
    if (data.version < VERSION) return true; // migrations check their own input
    if (!data.deals || typeof data.deals !== "object" || Array.isArray(data.deals)) return false;
    return Object.keys(data.deals).every(function (id) { return isDeal(data.deals[id]) && data.deals[id].id === id; });
  }

  function normalise(deal) {
    deal.checks = deal.checks && typeof deal.checks === "object" ? deal.checks : {};
    deal.forms = deal.forms && typeof deal.forms === "object" ? deal.forms : {};
    deal.customer = deal.customer || "";
    deal.owner = deal.owner || "";
    deal.mode = deal.mode || "";
    deal.archived = !!deal.archived;
    deal.created = deal.created || now();
    deal.updated = deal.updated || deal.created;
    return deal;
  }

  function migrate(data) {
    while (data.version < VERSION) {
      var step = MIGRATIONS[data.version];
      if (!step) throw new Error("no migration from version " + data.version);
      data = step(data);
    }
    Object.keys(data.deals).forEach(function (id) { normalise(data.deals[id]); });
    return data;
  }

  function load() {
    var ls = storage();
    if (!ls) {
      return set({ status: "unavailable", persistent: false, data: empty(),
        message: "浏览器不允许本站保存数据（可能是隐私模式或设置禁止了本地存储）。本次打开期间的勾选和填写仍然有效，但关闭页面后不会保留；需要保留请先导出。" });
    }
    var raw = ls.getItem(KEY);
    if (raw === null) return set({ status: "ok", persistent: true, data: empty(), message: "" });
    var data;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      data = undefined;
    }
    if (!validShape(data)) {
      return set({ status: "corrupt", persistent: false, raw: raw, data: empty(),
        message: "本地保存的商机数据已损坏，无法读取。原数据保持原样，没有被覆盖；本次的修改只在当前打开期间有效。可以在“我的商机”页下载原始数据交给管理员恢复。" });
    }
    if (data.version > VERSION) {
      return set({ status: "newer", persistent: false, raw: raw, data: empty(),
        message: "本地数据来自更新版本的手册，这一版无法读取。原数据保持原样，没有被覆盖；请刷新页面或使用最新版本的手册。" });
    }
    var upgraded = data.version < VERSION;
    try {
      data = migrate(data);
    } catch (error) {
      return set({ status: "corrupt", persistent: false, raw: raw, data: empty(),
        message: "本地商机数据无法升级到当前版本。原数据保持原样，没有被覆盖。" });
    }
    set({ status: "ok", persistent: true, data: data, message: "" });
    if (upgraded) save();
  }

  function set(next) {
    state = Object.assign({ raw: null }, next);
  }

  function save() {
    if (!state.persistent) { notify(); return false; }
    var ls = storage();
    try {
      if (!ls) throw new Error("unavailable");
      ls.setItem(KEY, JSON.stringify(state.data));
      if (state.status === "full") state.status = "ok", state.message = "";
    } catch (error) {
      state.status = "full";
      state.message = "浏览器存储空间已满，刚才的修改没能保存。请到“我的商机”页导出并删除不用的商机后再继续。";
    }
    notify();
    return state.status !== "full";
  }

  function notify() { listeners.forEach(function (fn) { try { fn(state); } catch (error) { console.warn(error); } }); }

  function newId() { return "d-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 7); }

  function touch(deal) { deal.updated = now(); }

  var api = {
    FORMAT: FORMAT,
    VERSION: VERSION,
    state: function () { return state; },
    onChange: function (fn) { listeners.push(fn); },
    reload: function () { load(); notify(); },
    deals: function () {
      return Object.keys(state.data.deals).map(function (id) { return state.data.deals[id]; })
        .sort(function (a, b) { return a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0; });
    },
    deal: function (id) { return state.data.deals[id] || null; },
    current: function () { return state.data.deals[state.data.current] || null; },
    setCurrent: function (id) { state.data.current = id; save(); },
    create: function (fields) {
      var deal = normalise({ id: newId(), name: (fields.name || "").trim() || "未命名商机",
        customer: (fields.customer || "").trim(), owner: (fields.owner || "").trim(), mode: fields.mode || "" });
      state.data.deals[deal.id] = deal;
      state.data.current = deal.id;
      save();
      return deal;
    },
    update: function (id, fields) {
      var deal = state.data.deals[id];
      if (!deal) return;
      ["name", "customer", "owner", "mode", "archived"].forEach(function (key) {
        if (key in fields) deal[key] = fields[key];
      });
      touch(deal);
      save();
    },
    remove: function (id) {
      delete state.data.deals[id];
      if (state.data.current === id) state.data.current = null;
      save();
    },
    check: function (checklist, item) {
      var deal = api.current();
      var entry = deal && deal.checks[checklist] && deal.checks[checklist][item];
      return entry || null;
    },
    setCheck: function (checklist, item, changes) {
      var deal = api.current();
      if (!deal) return;
      var list = deal.checks[checklist] = deal.checks[checklist] || {};
      var entry = list[item] = list[item] || { done: false, note: "" };
      Object.assign(entry, changes, { at: now() });
      touch(deal);
      save();
    },
    // An item renamed in the content keeps its state: move it from an old id once.
    adoptRenamed: function (checklist, item, oldIds) {
      var changed = false;
      api.deals().forEach(function (deal) {
        var list = deal.checks[checklist];
        if (!list || list[item]) return;
        oldIds.forEach(function (old) {
          if (list[old] && !list[item]) { list[item] = list[old]; delete list[old]; changed = true; }
        });
      });
      if (changed) save();
    },
    formValues: function (template) {
      var deal = api.current();
      return (deal && deal.forms[template]) || {};
    },
    setField: function (template, field, value) {
      var deal = api.current();
      if (!deal) return;
      var form = deal.forms[template] = deal.forms[template] || {};
      form[field] = value;
      touch(deal);
      save();
    },
    // Export / import ------------------------------------------------------
    exportData: function (ids) {
      var deals = {};
      (ids || Object.keys(state.data.deals)).forEach(function (id) {
        if (state.data.deals[id]) deals[id] = JSON.parse(JSON.stringify(state.data.deals[id]));
      });
      return { format: FORMAT, version: VERSION, exported: now(), deals: deals };
    },
    // Returns {deals, error}; never touches stored data.
    parseImport: function (text) {
      var data;
      try { data = JSON.parse(text); } catch (error) { return { error: "文件不是有效的 JSON，无法导入。现有数据没有改动。" }; }
      if (!data || data.format !== FORMAT) return { error: "这不是销售作战手册导出的商机文件，无法导入。现有数据没有改动。" };
      if (typeof data.version !== "number" || data.version > VERSION) return { error: "文件来自更新版本的手册，这一版无法导入。现有数据没有改动。" };
      var wrapped = { version: data.version, deals: data.deals, current: null };
      if (!validShape(wrapped)) return { error: "文件里的商机数据不完整或已损坏，无法导入。现有数据没有改动。" };
      try { wrapped = migrate(wrapped); } catch (error) { return { error: "文件无法升级到当前版本。现有数据没有改动。" }; }
      return { deals: wrapped.deals };
    },
    previewImport: function (deals, mode) {
      var rows = [];
      Object.keys(deals).forEach(function (id) {
        var mine = state.data.deals[id];
        var kind = !mine ? "新增" : JSON.stringify(mine) === JSON.stringify(deals[id]) ? "相同" : "覆盖";
        rows.push({ id: id, name: deals[id].name, customer: deals[id].customer, change: kind });
      });
      if (mode === "replace") {
        Object.keys(state.data.deals).forEach(function (id) {
          if (!deals[id]) rows.push({ id: id, name: state.data.deals[id].name, customer: state.data.deals[id].customer, change: "删除" });
        });
      }
      return rows;
    },
    applyImport: function (deals, mode) {
      if (mode === "replace") state.data.deals = {};
      Object.keys(deals).forEach(function (id) { state.data.deals[id] = deals[id]; });
      if (!state.data.deals[state.data.current]) state.data.current = api.deals().length ? api.deals()[0].id : null;
      return save();
    },
    // Only when the user asks: give up unreadable data and start storing again.
    discardUnreadable: function () {
      var ls = storage();
      if (!ls) return false;
      ls.removeItem(KEY);
      var memory = state.data;
      set({ status: "ok", persistent: true, data: memory, message: "" });
      return save();
    }
  };

  load();
  window.addEventListener("storage", function (event) { if (event.key === KEY) api.reload(); });
  window.PB = window.PB || {};
  window.PB.store = api;
})();
