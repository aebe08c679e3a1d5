/* 销售作战手册 — shared page helpers: site root, DOM builder, the storage banner,
 * the current deal in the header, and a hook that runs on every page, including after
 * Material's instant navigation. */
(function () {
  "use strict";
  var PB = (window.PB = window.PB || {});
  var script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  PB.root = ((script && script.src) || location.href).replace(/assets\/javascripts\/pb-core\.js.*$/, "");
  // PB.manifest starts as the small index every page loads (stages, modes) and gathers, before
  // a page's scripts run, the data that page carries (JSON in .pb-data: its checklists and
  // forms) or asks for (data-pb-needs="deal-data" / "catalog": assets/playbook/<name>.js).
  PB.manifest = window.PB_MANIFEST || { checklists: {}, templates: {}, stages: [], modes: [], catalog: [] };
  ["checklists", "templates"].forEach(function (key) {
    PB.manifest[key] = PB.manifest[key] || {};
  });

  function merge(data) {
    Object.keys(data || {}).forEach(function (key) {
      var value = data[key];
      if (Array.isArray(value) || typeof value !== "object") PB.manifest[key] = value;
      else PB.manifest[key] = Object.assign(PB.manifest[key] || {}, value);
    });
  }

  // assets/playbook/deal-data.js sets window.PB_DEAL_DATA, catalog.js window.PB_CATALOG.
  function loaded(name) {
    return window["PB_" + name.toUpperCase().replace(/-/g, "_")];
  }
  var loading = {}; // name → callbacks waiting for assets/playbook/<name>.js
  function need(name, done) {
    if (loaded(name)) {
      merge(loaded(name));
      done();
      return;
    }
    if (loading[name]) {
      loading[name].push(done);
      return;
    }
    loading[name] = [done];
    var finish = function () {
      merge(loaded(name));
      var waiting = loading[name];
      delete loading[name];
      waiting.forEach(function (fn) {
        fn();
      });
    };
    document.head.appendChild(
      PB.h("script", { src: PB.root + "assets/playbook/" + name + ".js", onload: finish, onerror: finish }),
    );
  }

  // Merge this page's data, load what it asks for, then call ready().
  function pageData(ready) {
    document.querySelectorAll("script.pb-data").forEach(function (node) {
      try {
        merge(JSON.parse(node.textContent));
      } catch (error) {
        console.error(error);
      }
    });
    var names = [];
    document.querySelectorAll("[data-pb-needs]").forEach(function (/** @type {HTMLElement} */ node) {
      node.dataset.pbNeeds.split(/\s+/).forEach(function (name) {
        if (name && names.indexOf(name) < 0) names.push(name);
      });
    });
    var left = names.length;
    if (!left) {
      ready();
      return;
    }
    names.forEach(function (name) {
      need(name, function () {
        left -= 1;
        if (!left) ready();
      });
    });
  }

  // h("div", {class: "x", onclick: fn}, child, "text", …)
  PB.h = function (tag, attrs, ...children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : value);
    });
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      (Array.isArray(child) ? child : [child]).forEach(function (c) {
        if (c === null || c === undefined || c === false) return;
        node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
      });
    });
    return node;
  };

  PB.download = function (name, blob) {
    var link = PB.h("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  };

  /** @param {Object<string, any>} table @param {string} id */
  function own(table, id) {
    return Object.hasOwn(table, id) ? table[id] : null;
  }
  // Read the manifest only through these: a stored id such as "__proto__" finds nothing.
  /** @param {string} id @returns {any} a checklist's title, url, stage, mode and items, or null */
  PB.checklistInfo = function (id) {
    return own(PB.manifest.checklists, id);
  };
  /** @param {string} id @returns {any} a template's title, url and fields, or null */
  PB.templateInfo = function (id) {
    return own(PB.manifest.templates, id);
  };

  // The checklists that apply to a deal: a sales mode's visit checklists count only for
  // deals in that mode (a 快刀 deal has no 顾问 visits); the rest count for every deal.
  /** @param {any} deal @param {string[]} checklistIds */
  PB.checklistsFor = function (deal, checklistIds) {
    return checklistIds.filter(function (id) {
      var info = PB.checklistInfo(id);
      return info && (!info.mode || (deal && deal.mode === info.mode));
    });
  };

  // Progress of the current deal: a checklist, or a stage (all its checklists, in process
  // order, as the manifest lists them), with the first item not yet done.
  /** @param {any} deal @param {string[]} checklistIds */
  PB.progress = function (deal, checklistIds) {
    var done = 0,
      total = 0,
      next = null;
    checklistIds.forEach(function (id) {
      var info = PB.checklistInfo(id);
      if (!info) return;
      var stored = (deal && deal.checks[id]) || {};
      info.items.forEach(function (item) {
        total += 1;
        if (stored[item.id] && stored[item.id].done) done += 1;
        else if (!next) next = { checklist: id, item: item, url: info.url, title: info.title };
      });
    });
    return { done: done, total: total, next: next };
  };

  /**
   * The current deal, created as “未命名商机” when there is none, so that a tick or a typed
   * value has somewhere to go. Returns null when it cannot be created (storage full).
   * @returns {any}
   */
  PB.ensureDeal = function () {
    var deal = PB.store.current();
    if (deal) return deal;
    deal = PB.store.create({ name: "未命名商机" });
    if (deal) PB.autoCreated = deal.id;
    return deal;
  };

  /**
   * The line above a checklist or form that says where its ticks or values are saved.
   * @param {Element|null} node @param {string} what “勾选” or “填写”
   */
  PB.dealHint = function (node, what) {
    if (!node) return;
    var deal = PB.store.current();
    if (!deal) node.textContent = "还没有选定商机：" + what + "时会自动新建一个，也可以先到“管理”里新建。";
    else if (PB.autoCreated === deal.id)
      node.textContent = "已自动新建“未命名商机”，" + what + "保存在它名下。可以在“管理”里改名。";
    else node.textContent = what + "保存在：" + (deal.customer ? deal.customer + " · " : "") + deal.name;
  };

  // Run fn on every page view (full load and instant navigation).
  var hooks = [];
  var shown = false; // whether the current page has been announced yet
  function call(fn) {
    try {
      fn();
    } catch (error) {
      console.error(error);
    }
  }
  // A hook added after the page was announced (document$ can replay synchronously, before
  // the later scripts have loaded, as it does from file://) runs at once.
  PB.onPage = function (fn) {
    hooks.push(fn);
    if (shown) call(fn);
  };
  var views = 0; // a page switched away from while its data loads does not run its hooks late
  function run() {
    var view = ++views;
    shown = false;
    pageData(function () {
      if (view !== views) return;
      shown = true;
      hooks.forEach(call);
    });
  }
  // Material announces each page (also after instant navigation) on document$. Opened from
  // a disk or file share (file://) it never does: every page is a full load there.
  if (location.protocol !== "file:" && window.document$ && window.document$.subscribe) window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();

  // The banner that says plainly when data cannot be stored or read.
  function banner() {
    var state = PB.store.state();
    var existing = document.querySelector(".pb-banner");
    if (!state.message) {
      if (existing) existing.remove();
      return;
    }
    var node = existing || PB.h("div", { class: "pb-banner pb-noprint", role: "alert" });
    node.textContent = state.message;
    node.dataset.status = state.status;
    if (!existing) {
      var anchor = document.querySelector(".md-main") || document.body.firstChild;
      anchor.parentNode.insertBefore(node, anchor);
    }
  }

  // The current deal in the header, switchable on every page.
  function header() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner) return;
    var box = inner.querySelector(".pb-deal-switch");
    if (!box) {
      box = PB.h("div", { class: "pb-deal-switch pb-noprint" });
      var search = inner.querySelector(".md-search");
      inner.insertBefore(box, search || null);
    }
    var deals = PB.store.deals().filter(function (deal) {
      return !deal.archived;
    });
    var current = PB.store.current();
    var select = PB.h(
      "select",
      {
        id: "pb-current-deal",
        "aria-label": "当前商机",
        onchange: function (event) {
          if (event.target.value) PB.store.setCurrent(event.target.value);
        },
      },
      PB.h("option", { value: "", text: deals.length ? "（选择商机）" : "（还没有商机）" }),
    );
    deals.forEach(function (deal) {
      select.appendChild(
        PB.h("option", {
          value: deal.id,
          selected: current && current.id === deal.id,
          text: deal.customer ? deal.customer + " · " + deal.name : deal.name,
        }),
      );
    });
    // The home page's entry for reps names the current deal.
    document.querySelectorAll("[data-current-deal]").forEach(function (node) {
      node.textContent = current
        ? "当前是 " + (current.customer ? current.customer + " · " : "") + current.name
        : deals.length
          ? "选一个当前商机"
          : "还没有商机，去新建一个";
    });
    box.replaceChildren(
      PB.h("span", { class: "pb-deal-label", text: "当前商机" }),
      select,
      PB.h("a", { class: "pb-deal-manage", href: PB.root + "deals.html", text: "管理" }),
    );
  }

  PB.refresh = function () {
    banner();
    header();
    PB.onChangeHooks.forEach(function (fn) {
      fn();
    });
  };
  PB.onChangeHooks = [];
  PB.onPage(function () {
    banner();
    header();
  });
  PB.store.onChange(function () {
    PB.refresh();
  });
})();
